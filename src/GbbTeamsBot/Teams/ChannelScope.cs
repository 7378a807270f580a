using GbbTeamsBot.BotFramework.Schema;

namespace GbbTeamsBot.Teams;

/// <summary>
/// Which channels are a scope of their own: private and shared channels (Teams shows them only to their members),
/// recognised by the channel's membership type on the activity. Standard channels share the team's scope.
/// </summary>
public static class ChannelScope
{
    /// <summary>The channel id when the activity comes from a private or shared channel; null for standard channels and chats.</summary>
    public static string? OwnScope(TeamsChannelData teams)
    {
        ArgumentNullException.ThrowIfNull(teams);
        return teams.ChannelType is { } type
            && (type.Equals("private", StringComparison.OrdinalIgnoreCase) || type.Equals("shared", StringComparison.OrdinalIgnoreCase))
            && !string.IsNullOrEmpty(teams.ChannelId)
                ? teams.ChannelId
                : null;
    }
}

using GbbTeamsBot.BotFramework.Schema;

namespace GbbTeamsBot.BotFramework.Conversations;

/// <summary>
/// Where and how to talk to a conversation later. <see cref="ServiceUrl"/> is only ever taken from an inbound
/// activity that passed authentication (or, in local unauthenticated mode, marked as such), never from elsewhere.
/// </summary>
public sealed record ConversationReference(
    string ConversationId,
    string ServiceUrl,
    string ChannelId,
    string? TenantId,
    string? TeamId,
    string? ChannelThreadId,
    string? ConversationType,
    string BotId,
    string? BotName,
    bool LearnedFromAuthenticatedActivity)
{
    /// <summary>Builds the reference from an inbound activity; null when the activity lacks the fields needed to answer.</summary>
    public static ConversationReference? FromInbound(Activity activity, bool authenticated)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (string.IsNullOrWhiteSpace(activity.Conversation?.Id) || string.IsNullOrWhiteSpace(activity.ServiceUrl)
            || !Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out _))
        {
            return null;
        }

        var teams = activity.Teams;
        return new ConversationReference(
            activity.Conversation.Id,
            activity.ServiceUrl,
            activity.ChannelId ?? "msteams",
            teams.TenantId ?? activity.Conversation.TenantId,
            teams.TeamId,
            teams.ChannelId,
            activity.Conversation.ConversationType,
            activity.Recipient?.Id ?? string.Empty,
            activity.Recipient?.Name,
            authenticated);
    }

    /// <summary>A reference for a conversation the bot created itself through the same service.</summary>
    public ConversationReference ForCreatedConversation(string conversationId, string? conversationType) =>
        this with { ConversationId = conversationId, ConversationType = conversationType ?? ConversationType };
}

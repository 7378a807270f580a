using System.Collections.Concurrent;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Domain.Teams;

namespace GbbTeamsBot.Teams;

/// <summary>
/// Who acts and where: the team scope of the conversation (tenant + team for channels, else the chat's conversation
/// id), the user's Teams id (29: MRI, used for roles, mentions and card refresh), language and time zone.
/// </summary>
public sealed record ConversationContext(
    string TenantId,
    string TeamKey,
    string ConversationId,
    string UserId,
    string UserName,
    UiLanguage Language,
    string TimeZoneId)
{
    public const string PersonalTenantFallback = "personal";

    /// <summary>The Teams meeting this conversation belongs to (channelData.meeting.id), if any.</summary>
    public string? MeetingId { get; init; }

    public bool IsPersonal { get; init; }

    /// <summary>The team's settings for this turn (the defaults when they could not be read).</summary>
    public TeamSettings Settings { get; init; } = TeamSettings.Default;

    public CardContext Cards(DateTimeOffset now) => new() { Language = Language, TimeZoneId = TimeZoneId, Now = now, OfferNextMeeting = Settings.Graph?.Calendar == true };

    /// <summary>Where <see cref="Meetings.TeamsActivityHandler"/> leaves the team's settings for this turn.</summary>
    public const string TeamSettingsItem = "gbb.teamSettings";

    /// <summary>The team's language for this turn (German when the settings are not known); never the client's locale.</summary>
    public static UiLanguage LanguageOf(TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Items.TryGetValue(TeamSettingsItem, out var value) && value is TeamSettings { Language: Domain.Common.Language.English }
            ? UiLanguage.English
            : UiLanguage.German;
    }

    /// <summary>The team scope (tenant, team key) of a turn, before anything else is known about it.</summary>
    public static (string TenantId, string TeamKey) ScopeOf(TurnContext turn)
    {
        var context = From(turn);
        return (context.TenantId, context.TeamKey);
    }

    /// <summary>
    /// Who acts where. Language and time zone are the team's (see <see cref="TeamSettings"/>), not the acting
    /// client's: the Playground and many clients send en-US and no time zone, and a team's cards must not change
    /// language or clock with whoever acts last.
    /// </summary>
    public static ConversationContext From(TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        var teams = activity.Teams;
        var tenant = teams.TenantId ?? activity.Conversation?.TenantId ?? turn.Reference.TenantId ?? PersonalTenantFallback;
        var conversationId = turn.Reference.ConversationId;
        var type = activity.Conversation?.ConversationType;
        var isPersonal = string.Equals(type, "personal", StringComparison.OrdinalIgnoreCase);

        // Channels: the team owns its sessions, whichever standard channel or thread they run in. Private and shared
        // channels are their own scope, as in Teams (not every team member may see them): their sessions, protocols
        // and agreements are never listed in the team's other channels. Chats (group and meeting): the chat itself.
        // Personal chat: the user's own conversation.
        var teamKey = !isPersonal && !string.IsNullOrEmpty(teams.TeamId)
            ? "team:" + teams.TeamId + (ChannelScope.OwnScope(teams) is { } channel ? "|channel:" + channel : string.Empty)
            : (isPersonal ? "personal:" : "chat:") + StripMessageId(conversationId);
        return new ConversationContext(
            tenant,
            teamKey,
            conversationId,
            activity.From?.Id ?? string.Empty,
            string.IsNullOrWhiteSpace(activity.From?.Name) ? "?" : activity.From!.Name!,
            LanguageOf(turn),
            turn.Items.TryGetValue(TeamSettingsItem, out var settings) && settings is TeamSettings known ? known.TimeZoneId : TeamSettings.DefaultTimeZoneId)
        {
            MeetingId = teams.MeetingId,
            IsPersonal = isPersonal,
            Settings = turn.Items.TryGetValue(TeamSettingsItem, out var team) && team is TeamSettings found ? found : TeamSettings.Default,
        };
    }

    /// <summary>A channel thread's conversation id carries ";messageid=…"; the chat or channel is the part before.</summary>
    private static string StripMessageId(string conversationId)
    {
        var cut = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return cut < 0 ? conversationId : conversationId[..cut];
    }
}

/// <summary>
/// What the bot last learned about a conversation (the team's language and time zone, the meeting id). Sessions carry
/// their own language and time zone; this serves what has no session. Process memory: after a restart the defaults
/// (German, Europe/Berlin) apply until the next activity.
/// </summary>
public sealed class ConversationPreferences
{
    private readonly ConcurrentDictionary<string, ConversationContext> _last = new(StringComparer.Ordinal);

    public void Remember(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _last[context.ConversationId] = context;
    }

    public (UiLanguage Language, string TimeZoneId, string? MeetingId) For(string? conversationId) =>
        conversationId is not null && _last.TryGetValue(conversationId, out var known)
            ? (known.Language, known.TimeZoneId, known.MeetingId)
            : (UiLanguage.German, CardContext.DefaultTimeZoneId, null);
}

using System.Collections.Concurrent;
using System.Text.Json;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;

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

    public CardContext Cards(DateTimeOffset now) => new() { Language = Language, TimeZoneId = TimeZoneId, Now = now };

    public static ConversationContext From(TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var activity = turn.Activity;
        var teams = activity.Teams;
        var tenant = teams.TenantId ?? activity.Conversation?.TenantId ?? turn.Reference.TenantId ?? PersonalTenantFallback;
        var conversationId = turn.Reference.ConversationId;
        var type = activity.Conversation?.ConversationType;
        var isPersonal = string.Equals(type, "personal", StringComparison.OrdinalIgnoreCase);

        // Channels: the team owns its sessions, whichever channel or thread they run in. Chats (group and meeting):
        // the chat itself. Personal chat: the user's own conversation.
        var teamKey = !isPersonal && !string.IsNullOrEmpty(teams.TeamId)
            ? "team:" + teams.TeamId
            : (isPersonal ? "personal:" : "chat:") + StripMessageId(conversationId);
        return new ConversationContext(
            tenant,
            teamKey,
            conversationId,
            activity.From?.Id ?? string.Empty,
            string.IsNullOrWhiteSpace(activity.From?.Name) ? "?" : activity.From!.Name!,
            UiLanguages.FromLocale(activity.Locale),
            TimeZoneOf(activity) ?? CardContext.DefaultTimeZoneId)
        {
            MeetingId = teams.MeetingId,
            IsPersonal = isPersonal,
        };
    }

    /// <summary>The user's time zone from the clientInfo entity (or the activity's localTimezone), if it is a known zone.</summary>
    public static string? TimeZoneOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        foreach (var entity in activity.Entities ?? [])
        {
            if (entity.ValueKind == JsonValueKind.Object
                && string.Equals(Json.String(entity, "type"), "clientInfo", StringComparison.OrdinalIgnoreCase)
                && Json.String(entity, "timezone") is { Length: > 0 } zone
                && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
            {
                return zone;
            }
        }

        return null;
    }

    /// <summary>A channel thread's conversation id carries ";messageid=…"; the chat or channel is the part before.</summary>
    private static string StripMessageId(string conversationId)
    {
        var cut = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return cut < 0 ? conversationId : conversationId[..cut];
    }
}

/// <summary>
/// What the bot last learned about a conversation (language, time zone, meeting id), so proactive cards and
/// notifications use the team's language. Process memory: after a restart the defaults (German, Europe/Berlin) apply
/// until the next activity.
/// </summary>
public sealed class ConversationPreferences
{
    private readonly ConcurrentDictionary<string, ConversationContext> _last = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, UiLanguage> _sessionLanguages = new(StringComparer.Ordinal);

    public void Remember(ConversationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _last[context.ConversationId] = context;
    }

    /// <summary>
    /// The language of a session's shared card and notices: the language of whoever asked for the setup card, so the
    /// card everyone sees does not switch language with each person who acts.
    /// </summary>
    public void RememberSessionLanguage(string sessionId, UiLanguage language) => _sessionLanguages[sessionId] = language;

    public bool KnowsSession(string sessionId) => _sessionLanguages.ContainsKey(sessionId);

    /// <summary>Like <see cref="For(string?)"/>, with the session's own language when known.</summary>
    public (UiLanguage Language, string TimeZoneId, string? MeetingId) For(string? conversationId, string sessionId)
    {
        var conversation = For(conversationId);
        return _sessionLanguages.TryGetValue(sessionId, out var language) ? (language, conversation.TimeZoneId, conversation.MeetingId) : conversation;
    }

    public (UiLanguage Language, string TimeZoneId, string? MeetingId) For(string? conversationId) =>
        conversationId is not null && _last.TryGetValue(conversationId, out var known)
            ? (known.Language, known.TimeZoneId, known.MeetingId)
            : (UiLanguage.German, CardContext.DefaultTimeZoneId, null);
}

using System.Globalization;
using System.Net;
using System.Text.Json;
using GbbTeamsBot.Application;
using GbbTeamsBot.BotFramework.Connector;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Meetings;
using GbbTeamsBot.Teams.Resources;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Teams.Notifications;

/// <summary>
/// The Teams side of <see cref="ISessionNotifier"/>: after every stored change the shared card is replaced (PUT); at a
/// phase warning, a phase's end, the session-end warning and an automatic advance the bot posts a short message that
/// @mentions the moderator, and in a meeting also sends the moderator a targeted in-meeting notification.
/// </summary>
public sealed partial class TeamsSessionNotifier(
    SharedCardUpdater cards,
    ConnectorClientFactory connectors,
    ConversationPreferences preferences,
    MeetingNoticeLink noticeLinks,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<TeamsSessionNotifier> logger) : ISessionNotifier
{
    public async Task OnStateChangedAsync(SessionNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        try
        {
            await cards.UpdateAsync(notification.Session, cancellationToken);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException)
        {
            // The change is stored; the next change or the ticker brings the shared card up to date.
            LogCardUpdateFailed(ex, notification.Address.SessionId);
        }
    }

    public Task OnPhaseWarningAsync(SessionNotification notification, SessionEvent warning, CancellationToken cancellationToken) =>
        NotifyModeratorAsync(notification, warning, (t, mention, phase, minutes, endsAt) => t.Format("Notify_PhaseWarning", mention, minutes, phase, endsAt), cancellationToken);

    public Task OnPhaseOverdueAsync(SessionNotification notification, SessionEvent overdue, CancellationToken cancellationToken) =>
        NotifyModeratorAsync(
            notification,
            overdue,
            // In the last phase there is no next phase to move to: ask to close or extend instead.
            (t, mention, phase, _, _) => t.Format(
                (overdue.PhaseIndex ?? notification.Session.State.CurrentPhaseIndex) >= notification.Session.Method.Phases.Count - 1 ? "Notify_PhaseOverdueLast" : "Notify_PhaseOverdue",
                mention,
                phase),
            cancellationToken);

    public Task OnSessionEndWarningAsync(SessionNotification notification, SessionEvent warning, CancellationToken cancellationToken) =>
        NotifyModeratorAsync(notification, warning, (t, mention, _, _, _) => SessionEnd(t, mention, notification.Session, notification.LiveCard?.ConversationId), cancellationToken);

    public Task OnAutoAdvancedAsync(SessionNotification notification, SessionEvent advanced, CancellationToken cancellationToken) =>
        NotifyModeratorAsync(notification, advanced, (t, mention, phase, _, _) => t.Format("Notify_AutoAdvanced", mention, phase), cancellationToken);

    /// <summary>@mentions whoever must confirm the protocol (case presenter or coordinating contact) in the conversation.</summary>
    public async Task OnSessionCompletedAsync(SessionNotification notification, SessionEvent completed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var session = notification.Session;
        var conversationId = notification.LiveCard?.ConversationId ?? session.ConversationId;
        var confirmers = session.ProtocolConfirmers;
        if (conversationId is null || confirmers.Count == 0 || session.Method.Id == MethodIds.Teamsitzung)
        {
            return;
        }

        var language = session.State.Language == Domain.Common.Language.English ? UiLanguage.English : UiLanguage.German;
        var mentions = confirmers.Select(p => "<at>" + WebUtility.HtmlEncode(p.DisplayName) + "</at>").ToList();
        var texts = TeamsTexts.For(language);
        var message = new Activity
        {
            Type = ActivityTypes.Message,
            Text = texts.Format("Notify_ProtocolToConfirm", string.Join(", ", mentions)),
            TextFormat = "xml",
            Summary = texts.Format("Notify_ProtocolToConfirm", string.Join(", ", confirmers.Select(p => p.DisplayName))),
            Entities = confirmers.Select((p, i) => JsonSerializer.SerializeToElement(new
            {
                type = "mention",
                text = mentions[i],
                mentioned = new { id = p.Id, name = p.DisplayName },
            })).ToList(),
        };
        try
        {
            if (await connectors.ForConversationAsync(conversationId, cancellationToken) is { } connector)
            {
                await connector.SendToConversationAsync(conversationId, message, cancellationToken);
                LogModeratorNotified(session.Address.SessionId, completed.Kind);
            }
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException)
        {
            LogNoticeFailed(ex, session.Address.SessionId, completed.Kind);
        }
    }

    private string SessionEnd(TeamsTexts t, string mention, SessionView session, string? conversationId)
    {
        var now = time.GetUtcNow();
        var end = session.TimeBudget(now).PlannedEnd ?? now;
        return t.Format("Notify_SessionEndWarning", mention, Math.Max(0, (int)Math.Ceiling((end - now).TotalMinutes)), LocalTime(end, session.State.TimeZoneId));
    }

    private async Task NotifyModeratorAsync(
        SessionNotification notification,
        SessionEvent evt,
        Func<TeamsTexts, string, string, int, string, string> compose,
        CancellationToken cancellationToken)
    {
        var session = notification.Session;
        var conversationId = notification.LiveCard?.ConversationId ?? session.ConversationId;
        var moderator = session.State.Participants.FirstOrDefault(p => p.Role == ParticipantRole.Moderator);
        if (conversationId is null || moderator is null)
        {
            return;
        }

        // The session's own language and time zone, fixed at setup; the meeting id as last seen in the conversation.
        var language = session.State.Language == Domain.Common.Language.English ? UiLanguage.English : UiLanguage.German;
        var zone = session.State.TimeZoneId;
        var meetingId = preferences.For(conversationId).MeetingId;
        var texts = TeamsTexts.For(language);
        var now = time.GetUtcNow();
        var phaseIndex = evt.PhaseIndex ?? Math.Max(0, session.State.CurrentPhaseIndex);
        // The phase as the card names it (the card's vocabulary, not the method's internal names).
        var shownIndex = Math.Clamp(phaseIndex, 0, session.Method.Phases.Count - 1);
        var shown = SessionViewMapper.Phases(session, language, now)[shownIndex];
        var phaseName = shown.CustomTitle is { Length: > 0 } custom ? custom : CardTexts.For(language)["Phase_" + shown.Kind];
        var budget = session.TimeBudget(now).Phases[Math.Clamp(phaseIndex, 0, session.Method.Phases.Count - 1)];
        var minutes = Math.Max(0, (int)Math.Ceiling(budget.Remaining.TotalMinutes));
        var endsAt = LocalTime(now + budget.Remaining, zone);

        var mentionText = "<at>" + WebUtility.HtmlEncode(moderator.DisplayName) + "</at>";
        var text = compose(texts, mentionText, phaseName, minutes, endsAt);
        var plain = compose(texts, moderator.DisplayName, phaseName, minutes, endsAt);
        // The in-meeting notice goes to the moderator alone, so it needs no name; its link carries none either.
        var noticeText = compose(texts, string.Empty, phaseName, minutes, endsAt).Trim();
        try
        {
            var connector = await connectors.ForConversationAsync(conversationId, cancellationToken);
            if (connector is null)
            {
                return;
            }

            var message = new Activity
            {
                Type = ActivityTypes.Message,
                Text = text,
                TextFormat = "xml",
                Summary = plain,
                Entities =
                [
                    JsonSerializer.SerializeToElement(new
                    {
                        type = "mention",
                        text = mentionText,
                        mentioned = new { id = moderator.Id, name = moderator.DisplayName },
                    }),
                ],
            };
            await connector.SendToConversationAsync(conversationId, message, cancellationToken);
            LogModeratorNotified(session.Address.SessionId, evt.Kind);

            if (meetingId is not null && options.Value.PublicBaseUrl is { } baseUrl)
            {
                var url = new Uri(baseUrl, "teams/notice?id=" + Uri.EscapeDataString(noticeLinks.Create(noticeText, language)));
                var notice = TargetedMeetingNotification.Stage([moderator.Id], texts["Notify_MeetingTitle"], url, width: 320, height: 160);
                var failed = await connector.SendMeetingNotificationAsync(meetingId, notice, cancellationToken);
                if (failed?.RecipientsFailureInfo is { Count: > 0 } failures)
                {
                    LogMeetingNoticeFailed(session.Address.SessionId, failures[0].ErrorCode);
                }
            }
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException)
        {
            LogNoticeFailed(ex, session.Address.SessionId, evt.Kind);
        }
    }

    private static string LocalTime(DateTimeOffset instant, string zoneId)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        return TimeZoneInfo.ConvertTime(instant, zone).ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: shared card update failed; the next change repeats it")]
    private partial void LogCardUpdateFailed(Exception exception, string sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: moderator notified of {EventKind}")]
    private partial void LogModeratorNotified(string sessionId, SessionEventKind eventKind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: notice for {EventKind} could not be sent")]
    private partial void LogNoticeFailed(Exception exception, string sessionId, SessionEventKind eventKind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: targeted meeting notification not delivered ({ErrorCode})")]
    private partial void LogMeetingNoticeFailed(string sessionId, string? errorCode);
}

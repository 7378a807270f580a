using System.Globalization;
using GbbTeamsBot.Application.Deadlines;
using GbbTeamsBot.Application.Persistence;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Application.Reminders;

/// <summary>What a reminder tells its owner: the case's pseudonym and the agreement's text, nothing else.</summary>
public sealed record ReminderNotice(TeamScope Scope, Agreement Agreement, ReminderKind Kind, string? SessionConversationId, string? OwnerDisplayName, Language Language, string TimeZoneId);

public enum ReminderDelivery
{
    /// <summary>In the bot's personal chat with the owner (created via the connector where the tenant allows it).</summary>
    Personal,

    /// <summary>As an @mention in the conversation where the session ran.</summary>
    Mention,

    NotDelivered,
}

/// <summary>The Teams side of reminders (a personal message, else an @mention); implemented by the Teams layer.</summary>
public interface IAgreementReminderSender
{
    Task<ReminderDelivery> SendAsync(ReminderNotice notice, CancellationToken cancellationToken);
}

/// <summary>
/// Reminders of agreements as durable deadlines in the same index as phase ends: each open agreement with an owner and a
/// due date has its next reminder indexed under its session with a "reminder-…" token. The deadline scanner claims the
/// row (one instance wins), hands it here, and the reminder is marked sent on the agreement row with If-Match before it
/// is sent, so a restart or a second instance never sends it again; a done, re-dated or deleted agreement makes the row
/// stale. The domain (<see cref="AgreementReminders"/>) decides what is due.
/// </summary>
public sealed partial class AgreementReminderService(
    DeadlineIndexRepository index,
    AgreementRepository agreements,
    TeamSettingsService teamSettings,
    SessionStore sessions,
    IAgreementReminderSender sender,
    TimeProvider time,
    ILogger<AgreementReminderService> logger)
{
    public const string TokenPrefix = "reminder-";

    public static bool IsReminderToken(string token) => token.StartsWith(TokenPrefix, StringComparison.Ordinal);

    /// <summary>Indexes the agreement's next reminder (idempotent; nothing when none is due any more or reminders are off).</summary>
    public async Task ScheduleAsync(TeamScope scope, Agreement agreement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(agreement);
        if (agreement.OwnerUserId is null || agreement.DueBy is null || !agreement.Id.StartsWith(agreement.SourceSessionId + "/", StringComparison.Ordinal))
        {
            return;
        }

        var settings = await teamSettings.GetAsync(scope.TenantId, scope.TeamId, cancellationToken);
        if (AgreementReminders.Next(agreement, settings.ReminderWorkingDays, Zone(settings.TimeZoneId), agreement.RemindersSent.ToHashSet(StringComparer.Ordinal)) is { } next)
        {
            await index.ScheduleAsync(scope, agreement.SourceSessionId, Token(next, agreement), next.At, cancellationToken);
        }
    }

    /// <summary>Fires claimed reminder rows; one result per row, in order (Conflict: left for a later try).</summary>
    public async Task<IReadOnlyList<FiringResult>> FireAsync(IReadOnlyList<DeadlineEntry> claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var results = new List<FiringResult>(claimed.Count);
        foreach (var entry in claimed)
        {
            try
            {
                results.Add(await FireOneAsync(entry, cancellationToken));
            }
            catch (Exception ex) when (ex is TableStorageException or HttpRequestException or TimeoutException or System.Text.Json.JsonException)
            {
                LogFireFailed(logger, ex, entry.Deadline.SessionId);
                results.Add(FiringResult.Conflict);
            }
        }

        return results;
    }

    private async Task<FiringResult> FireOneAsync(DeadlineEntry entry, CancellationToken cancellationToken)
    {
        var deadline = entry.Deadline;
        var scope = deadline.Scope;
        if (!TryParse(deadline.Token, deadline.SessionId, out var kind, out var dueBy, out var agreementId))
        {
            await index.CompleteAllAsync([entry], cancellationToken);
            return FiringResult.Stale;
        }

        var settings = await teamSettings.GetAsync(scope.TenantId, scope.TeamId, cancellationToken);
        var zone = Zone(settings.TimeZoneId);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var stored = (await agreements.ListForTeamAsync(scope, cancellationToken: cancellationToken))
                .FirstOrDefault(a => a.Agreement.AgreementId == agreementId && a.Agreement.SessionId == deadline.SessionId);
            if (stored is null)
            {
                // Deleted (case deletion, retention): nothing to remind of.
                await index.CompleteAllAsync([entry], cancellationToken);
                return FiringResult.SessionMissing;
            }

            var agreement = OutlivingRecords.ParseAgreement(stored.Agreement);
            var sent = agreement.RemindersSent.ToHashSet(StringComparer.Ordinal);
            var reminder = new AgreementReminder(kind, dueBy, deadline.DueAt);
            var now = time.GetUtcNow();
            if (!AgreementReminders.IsDue(reminder, agreement, settings.ReminderWorkingDays, zone, sent, now))
            {
                if (AgreementReminders.Next(agreement, settings.ReminderWorkingDays, zone, sent) is { } next && next.Key == reminder.Key && next.At > now)
                {
                    return FiringResult.NotDue;
                }

                // Done, re-dated, already sent or switched off: this row is stale; the agreement's own next one is indexed.
                await index.CompleteAllAsync([entry], cancellationToken);
                await ScheduleAsync(scope, agreement, cancellationToken);
                return FiringResult.Stale;
            }

            // Persist, then talk: marked sent with If-Match first, so whoever loses the race sends nothing.
            var marked = agreement with { RemindersSent = [.. agreement.RemindersSent, reminder.Key] };
            try
            {
                await agreements.UpdateAsync(scope, OutlivingRecords.ToRecord(stored.Agreement.CaseReference, marked, now), stored.ETag, cancellationToken);
            }
            catch (TablePreconditionFailedException)
            {
                continue;
            }

            await index.CompleteAllAsync([entry], cancellationToken);
            await ScheduleAsync(scope, marked, cancellationToken);
            var session = await sessions.LoadAsync(new SessionAddress(scope.TenantId, scope.TeamId, deadline.SessionId), cancellationToken);
            var owner = session?.Snapshot.Participants.FirstOrDefault(p => p.Id == marked.OwnerUserId)?.DisplayName;
            var delivery = await sender.SendAsync(new ReminderNotice(scope, marked, kind, session?.ConversationId, owner, settings.Language, settings.TimeZoneId), cancellationToken);
            LogReminderSent(logger, deadline.SessionId, kind, delivery);
            return FiringResult.Fired;
        }

        return FiringResult.Conflict;
    }

    private static string Token(AgreementReminder reminder, Agreement agreement) =>
        TokenPrefix + (reminder.Kind == ReminderKind.BeforeDue ? "before" : "overdue") + "-"
        + reminder.DueBy.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + agreement.Id[(agreement.SourceSessionId.Length + 1)..];

    private static bool TryParse(string token, string sessionId, out ReminderKind kind, out DateOnly dueBy, out string agreementId)
    {
        kind = ReminderKind.BeforeDue;
        dueBy = default;
        agreementId = string.Empty;
        var parts = token.Split('-', 4);
        if (parts.Length != 4 || parts[0] + "-" != TokenPrefix || parts[3].Length == 0
            || !DateOnly.TryParseExact(parts[2], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out dueBy))
        {
            return false;
        }

        kind = parts[1] == "overdue" ? ReminderKind.Overdue : ReminderKind.BeforeDue;
        agreementId = sessionId + "/" + parts[3];
        return parts[1] is "before" or "overdue";
    }

    private static TimeZoneInfo Zone(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    [LoggerMessage(Level = LogLevel.Information, Message = "Agreement reminder for session {SessionId} sent ({Kind}, {Delivery})")]
    private static partial void LogReminderSent(ILogger logger, string sessionId, ReminderKind kind, ReminderDelivery delivery);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agreement reminder for session {SessionId} failed; tried again later")]
    private static partial void LogFireFailed(ILogger logger, Exception exception, string sessionId);
}

/// <summary>Without a Teams layer (e.g. tools) reminders are indexed and marked, but nobody is told.</summary>
public sealed class NullReminderSender : IAgreementReminderSender
{
    public Task<ReminderDelivery> SendAsync(ReminderNotice notice, CancellationToken cancellationToken) => Task.FromResult(ReminderDelivery.NotDelivered);
}

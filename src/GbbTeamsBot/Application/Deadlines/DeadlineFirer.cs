using GbbTeamsBot.Application.Persistence;
using GbbTeamsBot.Domain.Deadlines;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Application.Deadlines;

public enum FiringResult
{
    /// <summary>Fired (and any deadlines due right after it); stored, index row removed, notifier called.</summary>
    Fired,

    /// <summary>The token no longer matches the session (re-planned, already fired, ended); row removed, nothing else.</summary>
    Stale,

    /// <summary>The index row is early for the session (clock skew); left for a later scan.</summary>
    NotDue,

    /// <summary>The session no longer exists; row removed.</summary>
    SessionMissing,

    /// <summary>Other writers kept winning; the row stays claimed until the lease ends and is tried again.</summary>
    Conflict,
}

/// <summary>
/// Fires one claimed deadline through the domain: load, <c>FireDeadline(token, now)</c>, fire whatever else is due
/// right away (after a restart each missed deadline fires once, marked late), index the next deadline, save with
/// If-Match, remove the claimed row, then notify. A lost save race reloads: the domain then calls the token stale.
/// </summary>
public sealed partial class DeadlineFirer(
    SessionStore store,
    DeadlineIndexRepository index,
    DeadlineSchedule schedule,
    NotificationDispatcher notifications,
    TimeProvider time,
    ILogger<DeadlineFirer> logger)
{
    private const int MaxAttempts = 4;

    /// <summary>Bound on deadlines fired back to back in one save (a session has at most a handful due at once).</summary>
    private const int MaxChained = 16;

    public async Task<FiringResult> FireAsync(DeadlineEntry claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var record = claimed.Deadline;
        var address = new SessionAddress(record.TenantId, record.TeamId, record.SessionId);
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await store.LoadAsync(address, cancellationToken);
            if (loaded is null)
            {
                await index.CompleteAsync(claimed, cancellationToken);
                return FiringResult.SessionMissing;
            }

            var session = ConsultationSession.Restore(loaded.Snapshot);
            var now = time.GetUtcNow();
            var first = session.FireDeadline(record.Token, now);
            if (first.Outcome == DeadlineFireOutcome.IgnoredStale)
            {
                await index.CompleteAsync(claimed, cancellationToken);
                return FiringResult.Stale;
            }

            if (first.Outcome == DeadlineFireOutcome.IgnoredNotDue)
            {
                return FiringResult.NotDue;
            }

            var events = new List<SessionEvent>(first.Events);
            for (var chained = 0; chained < MaxChained && session.NextDeadline() is { } next && next.DueAt <= now; chained++)
            {
                events.AddRange(session.FireDeadline(next.Token, now).Events);
            }

            var after = session.NextDeadline();
            await schedule.ScheduleIfChangedAsync(address, null, after, cancellationToken);
            LoadedSession saved;
            try
            {
                // Should a deadline ever complete a session, its outliving records follow through the outbox replay.
                var snapshot = session.Snapshot();
                saved = await store.SaveAsync(loaded, snapshot, now, cancellationToken, outbox: OutlivingRecords.OutboxFor(record.SessionId, snapshot.Version, events, now));
            }
            catch (TablePreconditionFailedException)
            {
                LogLostRace(logger, record.SessionId, attempt);
                if (attempt < MaxAttempts)
                {
                    continue;
                }

                return FiringResult.Conflict;
            }

            LogFired(logger, record.SessionId, first.Deadline!.Kind, first.Late, events.Count);
            ApplicationTelemetry.DeadlineFired(first.Deadline, now, first.Late);
            try
            {
                await index.CompleteAsync(claimed, cancellationToken);
            }
            catch (TableStorageException ex)
            {
                // The session is saved; the row comes back after its lease and is then stale.
                LogCompleteFailed(logger, ex, record.SessionId);
            }

            var view = saved.ToView();
            await notifications.DeliverAsync(new SessionNotification(address, view, ChangeSource.Deadline, events), cancellationToken);
            return FiringResult.Fired;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId}: deadline {Kind} fired (late: {Late}), {EventCount} events")]
    private static partial void LogFired(ILogger logger, string sessionId, DeadlineKind kind, bool late, int eventCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: deadline save lost a race (attempt {Attempt}); reloading")]
    private static partial void LogLostRace(ILogger logger, string sessionId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: fired deadline's index row could not be removed; it will be ignored as stale")]
    private static partial void LogCompleteFailed(ILogger logger, Exception exception, string sessionId);
}

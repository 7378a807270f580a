using GbbTeamsBot.Application.Persistence;
using GbbTeamsBot.Domain.Deadlines;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Application.Deadlines;

public enum FiringResult
{
    /// <summary>Fired (and any deadlines due right after it); stored, notification queued, index row to be removed.</summary>
    Fired,

    /// <summary>The token no longer matches the session (re-planned, already fired, ended); row removed, nothing else.</summary>
    Stale,

    /// <summary>The index row is early for the session (clock skew); left for a later scan.</summary>
    NotDue,

    /// <summary>The session no longer exists; row removed.</summary>
    SessionMissing,

    /// <summary>Other writers kept winning, or storage failed; the row stays claimed until the lease ends and is tried again.</summary>
    Conflict,
}

/// <summary>
/// Fires claimed deadlines through the domain, many at once: <c>FireDeadline(token, now)</c> on each session (and
/// whatever else is due right away: after a restart each missed deadline fires once, marked late), then the next
/// deadlines of all of them in one index transaction per minute bucket, then each session saved with If-Match (the
/// session's second and last call; its read was made ahead, or saved by the <see cref="SessionCache"/>), then the
/// notifications queued; the ended rows go back to the scanner, which removes them in batches. A lost save race reloads and
/// fires again alone: the domain then calls the token stale if the other writer fired it.
/// </summary>
public sealed partial class DeadlineFirer(
    SessionStore store,
    DeadlineSchedule schedule,
    NotificationDispatcher notifications,
    TimeProvider time,
    IOptions<EngineOptions> options,
    ILogger<DeadlineFirer> logger)
{
    private const int MaxAttempts = 4;

    /// <summary>Bound on deadlines fired back to back in one save (a session has at most a handful due at once).</summary>
    private const int MaxChained = 16;

    /// <summary>Storage calls of this instance's firings at once (reads and saves of deadlines whose instant has come).</summary>
    private readonly SemaphoreSlim _calls = new(Math.Clamp(options.Value.MaxConcurrentFirings, 1, 64));

    /// <summary>Reads ahead at once, apart from the firings' calls, so reading ahead never holds up a due save.</summary>
    private readonly SemaphoreSlim _readsAhead = new(Math.Clamp(options.Value.MaxConcurrentFirings / 2, 1, 32));

    /// <summary>
    /// Reads the session of a claimed deadline ahead of its instant (this instance's last stored copy if it has one),
    /// so firing it costs one conditional write. Never throws: a failed read is made again when the deadline fires.
    /// </summary>
    public async Task<LoadedSession?> ReadAheadAsync(DeadlineEntry claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var address = AddressOf(claimed);
        await _readsAhead.WaitAsync(cancellationToken);
        try
        {
            return (await store.LoadForCommandAsync(address, cancellationToken)).Session;
        }
        catch (Exception ex) when (ex is TableStorageException or HttpRequestException or TimeoutException or System.Text.Json.JsonException)
        {
            return null;
        }
        finally
        {
            _readsAhead.Release();
        }
    }

    /// <summary>
    /// Fires claimed deadlines that are due, with the sessions read ahead where there are any. Returns one result per
    /// firing, in order, and the rows that ended here (fired, stale, session gone) for the caller to remove from the
    /// index: they stay leased to it until then, so nobody else takes them. With
    /// <paramref name="keeper"/>, next deadlines due within its horizon are indexed already claimed by it and handed
    /// back with the stored session, so the same instance fires them from memory.
    /// </summary>
    public async Task<FiringRound> FireAllAsync(IReadOnlyList<DueFiring> due, DeadlineKeeper? keeper, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(due);
        var results = new FiringResult[due.Count];

        // 1. Each session through the domain, on the state read ahead (or read now).
        var prepared = await Task.WhenAll(due.Select(d => PrepareAsync(d, cancellationToken)));
        for (var i = 0; i < due.Count; i++)
        {
            results[i] = prepared[i].Result;
        }

        // 2. The next deadlines indexed before any session is saved, so none is ever lost.
        var ready = Enumerable.Range(0, due.Count).Where(i => prepared[i].Firing is not null).ToList();
        var kept = new Dictionary<int, DeadlineEntry>();
        try
        {
            var next = ready.Where(i => prepared[i].Firing!.Next is not null).ToList();
            var keep = next.Where(i => keeper is not null && prepared[i].Firing!.Next!.DueAt - prepared[i].Firing!.Now <= keeper.Horizon).ToList();
            await schedule.ScheduleAllAsync(next.Except(keep).Select(i => (prepared[i].Firing!.Address, prepared[i].Firing!.Next!)).ToList(), cancellationToken);
            if (keep.Count > 0)
            {
                var claimed = await schedule.ScheduleClaimedAsync(keep.Select(i => (prepared[i].Firing!.Address, prepared[i].Firing!.Next!)).ToList(), keeper!.Owner, keeper.Lease, cancellationToken);
                for (var k = 0; k < keep.Count; k++)
                {
                    kept[keep[k]] = claimed[k];
                }
            }
        }
        catch (TableStorageException ex)
        {
            LogScheduleFailed(logger, ex, ready.Count);
            foreach (var i in ready)
            {
                results[i] = FiringResult.Conflict;
            }

            ready.Clear();
        }

        // 3. Each session saved with If-Match; a lost race fires that one again alone.
        var saved = new (LoadedSession Session, Firing Firing)?[due.Count];
        await Task.WhenAll(ready.Select(async i =>
        {
            (results[i], saved[i]) = await SaveAsync(due[i].Claimed, prepared[i].Firing!, cancellationToken);
        }));

        // 4. The rows that ended here are handed back; the scanner removes them in batches, off the firing path.
        var finished = Enumerable.Range(0, due.Count)
            .Where(i => results[i] is FiringResult.Fired or FiringResult.Stale or FiringResult.SessionMissing)
            .Select(i => due[i].Claimed)
            .ToList();

        // 5. Persist, then talk: the connector is reached in the background, never inside the scan.
        var keptFirings = new List<KeptDeadline>();
        for (var i = 0; i < due.Count; i++)
        {
            if (saved[i] is not { } stored)
            {
                continue;
            }

            notifications.Enqueue(new SessionNotification(stored.Firing.Address, stored.Session.ToView(), ChangeSource.Deadline, stored.Firing.Events));

            // Kept only if the saved state is the one its next deadline was indexed from (not a lost race's redo).
            if (kept.TryGetValue(i, out var next) && ReferenceEquals(stored.Firing, prepared[i].Firing))
            {
                keptFirings.Add(new KeptDeadline(next, stored.Session));
            }
        }

        return new FiringRound(results, keptFirings, finished);
    }

    private async Task<Prepared> PrepareAsync(DueFiring due, CancellationToken cancellationToken)
    {
        var record = due.Claimed.Deadline;
        var address = AddressOf(due.Claimed);
        var loaded = due.Session is { } ahead ? await ahead : null;
        for (var read = loaded is null ? 1 : 0; ; read++)
        {
            if (loaded is null)
            {
                try
                {
                    loaded = await CallAsync(() => store.LoadAsync(address, cancellationToken), cancellationToken);
                }
                catch (Exception ex) when (ex is TableStorageException or HttpRequestException or TimeoutException or System.Text.Json.JsonException)
                {
                    LogFireFailed(logger, ex, record.SessionId);
                    return new Prepared(FiringResult.Conflict, null);
                }

                if (loaded is null)
                {
                    return new Prepared(FiringResult.SessionMissing, null);
                }
            }

            // The firing instant is taken once the session is at hand, so the stored lateness includes the read.
            var now = time.GetUtcNow();
            ConsultationSession session;
            DeadlineFireResult first;
            try
            {
                session = ConsultationSession.Restore(loaded.Snapshot);
                first = session.FireDeadline(record.Token, now);
            }
            catch (InvalidOperationException ex)
            {
                // A snapshot the domain cannot take (unknown schema or method): leave the row, never stop the scanner.
                LogFireFailed(logger, ex, record.SessionId);
                return new Prepared(FiringResult.Conflict, null);
            }

            if (first.Outcome == DeadlineFireOutcome.IgnoredStale)
            {
                if (read == 0)
                {
                    // Judged on a copy from before: the session may have moved on to this token since. Read it.
                    loaded = null;
                    continue;
                }

                return new Prepared(FiringResult.Stale, null);
            }

            if (first.Outcome == DeadlineFireOutcome.IgnoredNotDue)
            {
                return new Prepared(FiringResult.NotDue, null);
            }

            var events = new List<SessionEvent>(first.Events);
            for (var chained = 0; chained < MaxChained && session.NextDeadline() is { } next && next.DueAt <= now; chained++)
            {
                events.AddRange(session.FireDeadline(next.Token, now).Events);
            }

            return new Prepared(FiringResult.Fired, new Firing(address, loaded, session.Snapshot(), first, events, session.NextDeadline(), now));
        }
    }

    private async Task<(FiringResult Result, (LoadedSession Session, Firing Firing)? Saved)> SaveAsync(DeadlineEntry claimed, Firing firing, CancellationToken cancellationToken)
    {
        var record = claimed.Deadline;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                // Should a deadline ever complete a session, its outliving records follow through the outbox replay.
                var outbox = OutlivingRecords.OutboxFor(record.SessionId, firing.State.Version, firing.Events, firing.Now);
                var saved = await CallAsync(() => store.SaveAsync(firing.Loaded, firing.State, firing.Now, cancellationToken, outbox: outbox), cancellationToken);
                LogFired(logger, record.SessionId, firing.First.Deadline!.Kind, firing.First.Late, firing.Events.Count);
                ApplicationTelemetry.DeadlineFired(firing.First.Deadline, firing.Now, firing.First.Late);
                return (FiringResult.Fired, (saved, firing));
            }
            catch (TablePreconditionFailedException)
            {
                LogLostRace(logger, record.SessionId, attempt);
            }
            catch (Exception ex) when (ex is TableStorageException or HttpRequestException or TimeoutException)
            {
                LogFireFailed(logger, ex, record.SessionId);
                return (FiringResult.Conflict, null);
            }

            if (attempt >= MaxAttempts)
            {
                return (FiringResult.Conflict, null);
            }

            // Someone else saved first: fire again on the fresh state, indexing its next deadline on its own.
            var again = await PrepareAsync(new DueFiring(claimed, null), cancellationToken);
            if (again.Firing is not { } fresh)
            {
                return (again.Result, null);
            }

            try
            {
                await schedule.ScheduleIfChangedAsync(fresh.Address, null, fresh.Next, cancellationToken);
            }
            catch (TableStorageException ex)
            {
                LogFireFailed(logger, ex, record.SessionId);
                return (FiringResult.Conflict, null);
            }

            firing = fresh;
        }
    }

    private async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        await _calls.WaitAsync(cancellationToken);
        try
        {
            return await call();
        }
        finally
        {
            _calls.Release();
        }
    }

    private static SessionAddress AddressOf(DeadlineEntry claimed) =>
        new(claimed.Deadline.TenantId, claimed.Deadline.TeamId, claimed.Deadline.SessionId);

    /// <summary>What the domain made of one claimed deadline; <see cref="Firing"/> when there is something to save.</summary>
    private sealed record Prepared(FiringResult Result, Firing? Firing);

    /// <summary>A fired session waiting to be saved: the state it was loaded as, the new state and what happened.</summary>
    private sealed record Firing(SessionAddress Address, LoadedSession Loaded, SessionSnapshot State, DeadlineFireResult First, IReadOnlyList<SessionEvent> Events, Deadline? Next, DateTimeOffset Now);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId}: deadline {Kind} fired (late: {Late}), {EventCount} events")]
    private static partial void LogFired(ILogger logger, string sessionId, DeadlineKind kind, bool late, int eventCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: deadline save lost a race (attempt {Attempt}); reloading")]
    private static partial void LogLostRace(ILogger logger, string sessionId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Firing a deadline of session {SessionId} failed; the claim lapses and it is retried")]
    private static partial void LogFireFailed(ILogger logger, Exception exception, string sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Indexing the next deadlines of {Count} fired sessions failed; nothing was saved, the claims lapse and they are retried")]
    private static partial void LogScheduleFailed(ILogger logger, Exception exception, int count);

}

/// <summary>A claimed deadline whose instant has come, with its session as read ahead (null: read it now).</summary>
public sealed record DueFiring(DeadlineEntry Claimed, Task<LoadedSession?>? Session);

/// <summary>
/// Who keeps the next deadlines of the sessions it fires: they are indexed already claimed by <see cref="Owner"/>
/// (until their instant plus <see cref="Lease"/>) when due within <see cref="Horizon"/>.
/// </summary>
public sealed record DeadlineKeeper(string Owner, TimeSpan Lease, TimeSpan Horizon);

/// <summary>A next deadline kept by the instance that fired its session, with the session as stored.</summary>
public sealed record KeptDeadline(DeadlineEntry Claimed, LoadedSession Session);

/// <summary>
/// What one firing round did: a result per deadline, in order, the next deadlines it kept, and the claimed rows that
/// ended (to be removed from the index).
/// </summary>
public sealed record FiringRound(IReadOnlyList<FiringResult> Results, IReadOnlyList<KeptDeadline> Kept, IReadOnlyList<DeadlineEntry> Finished);

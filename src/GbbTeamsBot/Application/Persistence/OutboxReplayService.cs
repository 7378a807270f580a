using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Application.Persistence;

/// <summary>What one replay run did.</summary>
public sealed record OutboxReplayReport(int Due, int Done, int Failed);

/// <summary>
/// Repeats the outliving-record writes (agreements, protocols, consent) whose outbox row is still there after
/// <see cref="EngineOptions.OutboxReplayDelay"/>: the instance that saved the change crashed or met a storage fault
/// before writing them. Rows live in storage, so a restart loses nothing; the writes are idempotent, so a row replayed
/// twice (two instances, or a crash after the write) does no harm. A row is removed only after its writes succeeded;
/// a failed one is put off with growing delays and tried again.
/// </summary>
public sealed partial class OutboxReplayService(
    SessionRepository sessions,
    SessionStore store,
    OutlivingRecords records,
    TimeProvider time,
    IOptions<EngineOptions> options,
    ILogger<OutboxReplayService> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    /// <summary>Replays the due rows once (also called by tests).</summary>
    public async Task<OutboxReplayReport> ReplayOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await sessions.ListDueOutboxAsync(now, BatchSize, cancellationToken);
        int done = 0, failed = 0;
        foreach (var entry in due)
        {
            var address = new SessionAddress(entry.Scope.TenantId, entry.Scope.TeamId, entry.Entry.SessionId);
            try
            {
                var loaded = await store.LoadAsync(address, cancellationToken);
                if (loaded is not null)
                {
                    // The current state: the records it writes are the newest (agreements are upserted, versions inserted once).
                    var kinds = OutlivingRecords.ParseWork(entry.Entry.WorkJson).Kinds.ToHashSet();
                    await records.WriteAsync(address, ConsultationSession.Restore(loaded.Snapshot), kinds, allProtocolVersions: true, now, cancellationToken);
                }

                await sessions.CompleteOutboxAsync(entry.Scope, entry.Entry.SessionId, entry.Entry.Version, cancellationToken);
                done++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Any failure (storage, or a record that cannot be written) leaves the row for a later try; the service keeps running.
                failed++;
                LogReplayFailed(logger, ex, entry.Entry.SessionId, entry.Attempts + 1);
                var wait = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, Math.Max(options.Value.OutboxReplayDelay.Ticks, TimeSpan.FromSeconds(1).Ticks) * (entry.Attempts + 1)));
                try
                {
                    await sessions.PostponeOutboxAsync(entry, now + wait, cancellationToken);
                }
                catch (TableStorageException)
                {
                    // Storage is still away; the row stays due and the next run tries again.
                }
            }
        }

        if (due.Count > 0)
        {
            LogReplayed(logger, due.Count, done, failed);
        }

        return new OutboxReplayReport(due.Count, done, failed);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.OutboxReplayInterval, time);
        do
        {
            try
            {
                await ReplayOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRunFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox replay: {Due} due, {Done} done, {Failed} failed")]
    private static partial void LogReplayed(ILogger logger, int due, int done, int failed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox replay for session {SessionId} failed (attempt {Attempt}); tried again later")]
    private static partial void LogReplayFailed(ILogger logger, Exception exception, string sessionId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox replay could not read its rows; tried again at the next interval")]
    private static partial void LogRunFailed(ILogger logger, Exception exception);
}

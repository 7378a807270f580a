using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Storage;

/// <summary>
/// Deletes expired idempotency and request rows every Storage:PurgeInterval, at most Storage:PurgeBatchSize per run,
/// so the idempotency table does not grow forever. Logs counts only. A failed run is logged and retried next time.
/// </summary>
public sealed partial class IdempotencyPurgeService(
    IdempotencyRepository idempotency, SessionRepository sessions, IOptions<StorageOptions> options, TimeProvider timeProvider, ILogger<IdempotencyPurgeService> logger) : BackgroundService
{
    /// <summary>One bounded purge of the rows expired by now: activity ids, then card actions' request rows.</summary>
    public async Task<IdempotencyPurgeResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var ids = await idempotency.PurgeExpiredAsync(now, options.Value.PurgeBatchSize, cancellationToken).ConfigureAwait(false);
        var requests = await sessions.PurgeExpiredRequestsAsync(now, options.Value.PurgeBatchSize, cancellationToken).ConfigureAwait(false);
        var result = new IdempotencyPurgeResult(ids.Expired + requests.Expired, ids.Deleted + requests.Deleted, ids.MoreLeft || requests.MoreLeft);
        LogPurged(logger, result.Deleted, result.Expired - result.Deleted, result.MoreLeft);
        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Created before the first await, so the timer is armed once the host has started (tests advance a fake clock).
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await RunOnceAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (TableStorageException ex)
                {
                    LogFailed(logger, ex.Status, ex.ErrorCode);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Deleted} expired idempotency rows ({Kept} changed meanwhile and kept); more left for the next run: {MoreLeft}")]
    private static partial void LogPurged(ILogger logger, int deleted, int kept, bool moreLeft);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Purging expired idempotency rows failed with status {Status} {ErrorCode}; trying again next interval")]
    private static partial void LogFailed(ILogger logger, int status, string? errorCode);
}

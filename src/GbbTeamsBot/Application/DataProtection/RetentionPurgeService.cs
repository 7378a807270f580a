using GbbTeamsBot.Application.Persistence;
using GbbTeamsBot.Domain.DataProtection;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Application.DataProtection;

/// <summary>What one purge run did.</summary>
public sealed record RetentionPurgeResult(int SessionsDeleted, DeletionReport Rows, bool MoreLeft);

/// <summary>
/// Enforces the retention period: every Retention:PurgeInterval, ended sessions older than the period go with their
/// contributions, protocol versions, agreements and consents, at most Retention:PurgeBatchSize per run, each recorded
/// in the team's deletion log. Idempotent: a session interrupted half-way is found and finished next run.
/// </summary>
public sealed partial class RetentionPurgeService(
    SessionRepository sessions, StorageRetention retention, DeletionLogRepository log, SessionCache cache,
    IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionPurgeService> logger) : BackgroundService
{
    public RetentionPolicy Policy => new(options.Value.CompletedSessionMonths);

    public async Task<RetentionPurgeResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var batch = options.Value.PurgeBatchSize;
        var due = await sessions.ListEndedBeforeAsync(Policy.EndedSessionCutoff(now), batch + 1, cancellationToken);
        var rows = DeletionReport.None;
        var deleted = 0;
        foreach (var session in due.Take(batch))
        {
            var report = await retention.DeleteSessionAsync(session.Scope, session.SessionId, cancellationToken);
            cache.Remove(new SessionAddress(session.Scope.TenantId, session.Scope.TeamId, session.SessionId));
            await log.AddAsync(session.Scope, new DeletionLogEntry(now, DeletionReason.Retention, null, session.CaseReference is { } reference ? DeletionLogRepository.Fingerprint(session.Scope, reference) : null, report), cancellationToken);
            rows = rows.Add(report);
            deleted++;
        }

        var result = new RetentionPurgeResult(deleted, rows, due.Count > batch);
        LogPurged(logger, deleted, rows.Total, result.MoreLeft);
        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PurgeInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await RunOnceAsync(stoppingToken);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention purge deleted {Sessions} ended sessions ({Rows} rows); more left for the next run: {MoreLeft}")]
    private static partial void LogPurged(ILogger logger, int sessions, int rows, bool moreLeft);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention purge failed with status {Status} {ErrorCode}; trying again next interval")]
    private static partial void LogFailed(ILogger logger, int status, string? errorCode);
}

using GbbTeamsBot.Application.Persistence;
using GbbTeamsBot.Domain.DataProtection;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Application.DataProtection;

/// <summary>What one purge run did.</summary>
public sealed record RetentionPurgeResult(int SessionsDeleted, DeletionReport Rows, bool MoreLeft);

/// <summary>
/// Enforces each team's retention period (its settings, else Retention:CompletedSessionMonths): every
/// Retention:PurgeInterval, ended sessions older than their team's period go with their contributions, protocol
/// versions, agreements and consents, at most Retention:PurgeBatchSize per run, each recorded in the team's deletion
/// log. Idempotent: a session interrupted half-way is found and finished next run.
/// </summary>
public sealed partial class RetentionPurgeService(
    SessionRepository sessions, StorageRetention retention, DeletionLogRepository log, SessionCache cache, TeamSettingsService settings,
    IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionPurgeService> logger) : BackgroundService
{
    /// <summary>The deployment's default period, for teams that chose none.</summary>
    public RetentionPolicy DefaultPolicy => new(options.Value.CompletedSessionMonths);

    public async Task<RetentionPurgeResult> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var batch = options.Value.PurgeBatchSize;
        var rows = DeletionReport.None;
        var deleted = 0;
        var moreLeft = false;

        // Candidates are ended sessions older than the shortest period a team may choose; each is kept or deleted by
        // its own team's period, so a team keeping longer never holds up another team's purge.
        await foreach (var session in sessions.ListEndedBeforeAsync(new RetentionPolicy(RetentionPolicy.MinMonths).EndedSessionCutoff(now), cancellationToken))
        {
            var team = await settings.GetAsync(session.Scope.TenantId, session.Scope.TeamId, cancellationToken);
            if (session.EndedAt >= team.Retention(DefaultPolicy).EndedSessionCutoff(now))
            {
                continue;
            }

            if (deleted == batch)
            {
                moreLeft = true;
                break;
            }

            var report = await retention.DeleteSessionAsync(session.Scope, session.SessionId, cancellationToken);
            cache.Remove(new SessionAddress(session.Scope.TenantId, session.Scope.TeamId, session.SessionId));
            await log.AddAsync(session.Scope, new DeletionLogEntry(now, DeletionReason.Retention, null, session.CaseReference is { } reference ? DeletionLogRepository.Fingerprint(session.Scope, reference) : null, report), cancellationToken);
            rows = rows.Add(report);
            deleted++;
        }

        var result = new RetentionPurgeResult(deleted, rows, moreLeft);
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

using GbbTeamsBot.Storage.Tables;
using Microsoft.Extensions.Logging;

namespace GbbTeamsBot.Storage;

/// <summary>
/// /readyz probe: one cheap authenticated call (list one table) without retries and with a short timeout.
/// Reasons are short and never contain addresses, keys or service messages.
/// </summary>
public sealed partial class TableStorageReadiness(TableServiceClient probeClient, ILogger<TableStorageReadiness> logger) : IStorageReadiness
{
    public async Task<StorageReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            await probeClient.PingAsync(cancellationToken).ConfigureAwait(false);
            return StorageReadinessResult.Ready;
        }
        catch (TableStorageUnavailableException)
        {
            LogNotReady(logger, 0, null);
            return StorageReadinessResult.Unavailable("Table storage unreachable");
        }
        catch (TableStorageException ex) when (ex.Status is 401 or 403)
        {
            LogNotReady(logger, ex.Status, ex.ErrorCode);
            return StorageReadinessResult.Unavailable("Table storage refused the credentials");
        }
        catch (TableStorageException ex)
        {
            LogNotReady(logger, ex.Status, ex.ErrorCode);
            return StorageReadinessResult.Unavailable("Table storage not ready");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A probe answers, it never throws: /readyz must say 503, not 500.
            LogProbeFailed(logger, ex.GetType().Name);
            return StorageReadinessResult.Unavailable("Table storage not ready");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Table storage readiness check failed unexpectedly ({ExceptionType})")]
    private static partial void LogProbeFailed(ILogger logger, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Table storage readiness check failed with status {Status} {ErrorCode}")]
    private static partial void LogNotReady(ILogger logger, int status, string? errorCode);
}

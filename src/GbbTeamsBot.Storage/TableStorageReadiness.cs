using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;
using Microsoft.Extensions.Logging;

namespace GbbTeamsBot.Storage;

/// <summary>
/// /readyz probe: one cheap authenticated call (list one table) through a client without retries and with a short
/// timeout (<see cref="StorageSetup.ProbeClientOptions"/>). Reasons are short and never contain addresses, keys or
/// service messages.
/// </summary>
public sealed partial class TableStorageReadiness(TableServiceClient probeClient, ILogger<TableStorageReadiness> logger) : IStorageReadiness
{
    public async Task<StorageReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            try
            {
                await foreach (var _ in probeClient.QueryAsync(maxPerPage: 1, cancellationToken: cancellationToken).AsPages(pageSizeHint: 1).ConfigureAwait(false))
                {
                    break;
                }
            }
            catch (Exception ex) when (TableErrors.Map(ex, "ping", cancellationToken) is { } mapped)
            {
                throw mapped;
            }

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

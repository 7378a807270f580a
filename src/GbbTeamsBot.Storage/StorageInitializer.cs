using GbbTeamsBot.Storage.Repositories;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GbbTeamsBot.Storage;

/// <summary>
/// Creates the tables in the background at start-up, retrying until storage answers, so start-up never blocks on
/// storage. Repositories also create their table on first use, so nothing depends on this having finished.
/// </summary>
internal sealed partial class StorageInitializer(StorageTables tables, ILogger<StorageInitializer> logger, TimeProvider timeProvider) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(2);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await tables.EnsureCreatedAsync(stoppingToken).ConfigureAwait(false);
                LogReady(logger, tables.AllNames.Count);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Tables.TableStorageException ex)
            {
                LogRetry(logger, ex.Status, ex.ErrorCode, delay.TotalSeconds);
            }

            await Task.Delay(delay, timeProvider, stoppingToken).ConfigureAwait(false);
            delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 60));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Table storage ready, {TableCount} tables present")]
    private static partial void LogReady(ILogger logger, int tableCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not create tables yet (status {Status} {ErrorCode}); retrying in {DelaySeconds} s")]
    private static partial void LogRetry(ILogger logger, int status, string? errorCode, double delaySeconds);
}

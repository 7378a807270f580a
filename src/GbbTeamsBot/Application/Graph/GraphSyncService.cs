using GbbTeamsBot.Graph;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Application.Graph;

/// <summary>
/// Runs <see cref="GraphSync"/> every Graph:SyncInterval while Graph is enabled (Graph:Enabled, Graph:SyncEnabled).
/// The work lives in storage, so a restart or a second instance loses nothing: rows are claimed by ETag.
/// </summary>
public sealed partial class GraphSyncService(GraphSync sync, IOptions<GraphOptions> options, TimeProvider time, ILogger<GraphSyncService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled || !options.Value.SyncEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.SyncInterval, time);
        do
        {
            try
            {
                var report = await sync.SyncOnceAsync(stoppingToken);
                LogSynced(logger, report.Teams, report.TasksCreated, report.AgreementsCompleted, report.FilesUploaded, report.Failures);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSyncFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Graph sync: {Teams} teams, {TasksCreated} tasks created, {Completed} agreements completed, {Files} files filed, {Failures} failures")]
    private static partial void LogSynced(ILogger logger, int teams, int tasksCreated, int completed, int files, int failures);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph sync failed; it runs again at the next interval")]
    private static partial void LogSyncFailed(ILogger logger, Exception exception);
}

/// <summary>Registers Graph (options, client, ports) and the application's Graph use cases and background sync.</summary>
public static class GraphApplicationSetup
{
    public static IServiceCollection AddGbbGraphFeatures(this IServiceCollection services, IConfiguration configuration, string environmentName)
    {
        services.AddGbbGraph(configuration, environmentName);
        services.AddSingleton<NextMeetingService>();
        services.AddSingleton<GraphSync>();
        services.AddHostedService<GraphSyncService>();
        return services;
    }
}

using GbbTeamsBot.Application;
using GbbTeamsBot.BotFramework.Connector;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Teams.Notifications;

/// <summary>
/// Keeps the clocks on running sessions' shared cards current: once per interval (default a minute) each running
/// session's card is re-rendered and replaced. Updates of one card are coalesced by the connector, so this stays
/// well within Teams' per-conversation limits.
/// </summary>
public sealed partial class LiveCardTicker(
    SharedCardUpdater cards,
    SessionService sessions,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<LiveCardTicker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.LiveCardRefreshInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TickAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One round: every running session's shared card, one after the other.</summary>
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        foreach (var address in cards.RunningSessions)
        {
            try
            {
                var session = await sessions.GetAsync(address, cancellationToken);
                if (session is null)
                {
                    cards.Forget(address);
                    continue;
                }

                await cards.UpdateAsync(session, cancellationToken);
            }
            catch (Exception ex) when (ex is ConnectorException or HttpRequestException or Storage.Tables.TableStorageException)
            {
                LogTickFailed(ex, address.SessionId);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: clock refresh of the shared card failed")]
    private partial void LogTickFailed(Exception exception, string sessionId);
}

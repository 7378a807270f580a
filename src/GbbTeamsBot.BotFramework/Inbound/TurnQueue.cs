using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GbbTeamsBot.BotFramework.Inbound;

/// <summary>
/// Non-invoke activities are answered with 200 at once and handled here in the background, a few at a time.
/// The queue is bounded so a flood slows the endpoint down instead of growing memory.
/// </summary>
public sealed partial class TurnQueue : BackgroundService
{
    private const int Workers = 4;
    private readonly Channel<QueuedTurn> _channel = Channel.CreateBounded<QueuedTurn>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.Wait });
    private readonly IActivityHandler _handler;
    private readonly IActivityDeduplicator _deduplicator;
    private readonly ILogger _logger;

    private readonly InboundAuthenticator _authenticator;

    public TurnQueue(IActivityHandler handler, IActivityDeduplicator deduplicator, InboundAuthenticator authenticator, ILogger<TurnQueue> logger)
    {
        _handler = handler;
        _deduplicator = deduplicator;
        _authenticator = authenticator;
        _logger = logger;
    }

    /// <summary>Queues a turn; its <paramref name="hold"/> is marked done after handling, or forgotten when handling failed.</summary>
    public ValueTask EnqueueAsync(TurnContext turn, ActivityHold? hold, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(new QueuedTurn(turn, hold), cancellationToken);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers)
            .Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken))
            .Append(Task.Run(() => _authenticator.WarmUpAsync(stoppingToken), stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (turn, hold) in _channel.Reader.ReadAllAsync(stoppingToken))
            {
                var handled = false;
                try
                {
                    await _handler.OnActivityAsync(turn, stoppingToken);
                    handled = true;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogHandlerFailed(ex, LogSafe.Id(turn.Activity.Type), LogSafe.Id(turn.Activity.Id));
                }
                finally
                {
                    await SettleAsync(hold, handled);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task SettleAsync(ActivityHold? hold, bool handled)
    {
        if (hold is not { Outcome: ActivityBegin.Claimed })
        {
            return;
        }

        try
        {
            await (handled ? _deduplicator.CompleteAsync(hold, CancellationToken.None) : _deduplicator.ForgetAsync(hold, CancellationToken.None));
        }
        catch (Exception ex)
        {
            LogSettleFailed(ex, handled);
        }
    }

    private sealed record QueuedTurn(TurnContext Turn, ActivityHold? Hold);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording a queued activity as handled ({Handled}) failed; its lease decides about a redelivery")]
    private partial void LogSettleFailed(Exception exception, bool handled);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling activity {ActivityType} {ActivityId} failed")]
    private partial void LogHandlerFailed(Exception exception, string? activityType, string? activityId);
}

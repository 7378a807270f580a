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
    private readonly Channel<TurnContext> _channel = Channel.CreateBounded<TurnContext>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.Wait });
    private readonly IActivityHandler _handler;
    private readonly ILogger _logger;

    private readonly InboundAuthenticator _authenticator;

    public TurnQueue(IActivityHandler handler, InboundAuthenticator authenticator, ILogger<TurnQueue> logger)
    {
        _handler = handler;
        _authenticator = authenticator;
        _logger = logger;
    }

    public ValueTask EnqueueAsync(TurnContext turn, CancellationToken cancellationToken) => _channel.Writer.WriteAsync(turn, cancellationToken);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers)
            .Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken))
            .Append(Task.Run(() => _authenticator.WarmUpAsync(stoppingToken), stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var turn in _channel.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    await _handler.OnActivityAsync(turn, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogHandlerFailed(ex, LogSafe.Id(turn.Activity.Type), LogSafe.Id(turn.Activity.Id));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling activity {ActivityType} {ActivityId} failed")]
    private partial void LogHandlerFailed(Exception exception, string? activityType, string? activityId);
}

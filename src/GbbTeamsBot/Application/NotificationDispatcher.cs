using System.Threading.Channels;
using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Application;

/// <summary>
/// Hands stored changes to the <see cref="ISessionNotifier"/>. A card action's change is queued and delivered in the
/// background, so the invoke is answered as soon as the change is stored and never waits for the connector (persist,
/// answer, then talk); the connector merges queued updates of one card, so the newest state wins. Fired deadlines are
/// queued too, so a slow connector never holds up the next firing. Failures are logged, never rethrown: the change
/// itself stands.
/// </summary>
public sealed partial class NotificationDispatcher(ISessionNotifier notifier, ILogger<NotificationDispatcher> logger) : BackgroundService
{
    /// <summary>Deliveries at once; the connector's per-thread limits decide how fast one conversation is served.</summary>
    private const int Workers = 8;

    private readonly Channel<SessionNotification> _queue = Channel.CreateUnbounded<SessionNotification>();
    private long _pending;

    /// <summary>Notifications queued and not yet delivered (tests wait for 0; diagnostics).</summary>
    public long Pending => Interlocked.Read(ref _pending);

    /// <summary>Queues the notification of a stored change for background delivery.</summary>
    public void Enqueue(SessionNotification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        Interlocked.Increment(ref _pending);
        if (!_queue.Writer.TryWrite(notification))
        {
            // Shutting down: deliver what is still handed over without a queue.
            _ = DeliverThenCountAsync(notification, CancellationToken.None);
        }
    }

    /// <summary>Delivers one notification now: the state change first, then its events.</summary>
    public async Task DeliverAsync(SessionNotification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        try
        {
            await notifier.OnStateChangedAsync(notification, cancellationToken);
            foreach (var e in notification.Events.Where(e => !e.Superseded))
            {
                var task = e.Kind switch
                {
                    SessionEventKind.PhaseWarning => notifier.OnPhaseWarningAsync(notification, e, cancellationToken),
                    SessionEventKind.PhaseOverdue => notifier.OnPhaseOverdueAsync(notification, e, cancellationToken),
                    SessionEventKind.SessionEndWarning => notifier.OnSessionEndWarningAsync(notification, e, cancellationToken),
                    SessionEventKind.AutoAdvanced => notifier.OnAutoAdvancedAsync(notification, e, cancellationToken),
                    SessionEventKind.Completed => notifier.OnSessionCompletedAsync(notification, e, cancellationToken),
                    _ => Task.CompletedTask,
                };
                await task;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotifierFailed(logger, ex, notification.Address.SessionId, notification.Session.Version);
        }
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None)));

    /// <summary>On shutdown the queue is closed and what is in it is still delivered, within the host's stop time.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (ExecuteTask is { } workers)
        {
            await Task.WhenAny(workers, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
        }

        await base.StopAsync(cancellationToken);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        // Read until the queue is closed (not until stopping): queued changes are delivered before the host ends.
        await foreach (var notification in _queue.Reader.ReadAllAsync(CancellationToken.None))
        {
            await DeliverThenCountAsync(notification, stoppingToken);
        }
    }

    private async Task DeliverThenCountAsync(SessionNotification notification, CancellationToken cancellationToken)
    {
        try
        {
            await DeliverAsync(notification, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _pending);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notifier failed for session {SessionId} at version {Version}; the change itself is stored")]
    private static partial void LogNotifierFailed(ILogger logger, Exception exception, string sessionId, int version);
}

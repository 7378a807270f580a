using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Application;

/// <summary>Calls the notifier port after a stored change; a failing notifier is logged, never rethrown.</summary>
public sealed partial class NotificationDispatcher(ISessionNotifier notifier, ILogger<NotificationDispatcher> logger)
{
    public async Task DispatchAsync(SessionNotification notification, CancellationToken cancellationToken)
    {
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notifier failed for session {SessionId} at version {Version}; the change itself is stored")]
    private static partial void LogNotifierFailed(ILogger logger, Exception exception, string sessionId, int version);
}

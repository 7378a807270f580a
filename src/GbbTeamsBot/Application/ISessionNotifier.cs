using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Application;

/// <summary>What caused a notification.</summary>
public enum ChangeSource
{
    /// <summary>A participant's command (card action or text command).</summary>
    Command,

    /// <summary>A deadline fired by the durable scanner.</summary>
    Deadline,
}

/// <summary>
/// A stored change of a session: called only AFTER the new state was saved. <see cref="Session"/> is the saved
/// state (render the shared card from it); <see cref="Events"/> say what happened (ids and positions only, no text).
/// </summary>
public sealed record SessionNotification(
    SessionAddress Address,
    SessionView Session,
    ChangeSource Source,
    IReadOnlyList<SessionEvent> Events)
{
    /// <summary>The participant whose command caused the change; null for deadlines.</summary>
    public string? ActorId { get; init; }

    /// <summary>Where the live card is (null until the Teams layer called <c>SessionService.SetLiveCardAsync</c>).</summary>
    public LiveCardLocation? LiveCard => Session.LiveCard;
}

/// <summary>
/// The port the Teams layer implements to update the shared card and post @mention messages. Every method is
/// called after the change is stored and at most once per stored change; a notifier failure is logged and never undoes
/// or fails the change. Deadline events with <see cref="SessionEvent.Superseded"/> (a later deadline was due too,
/// e.g. after a restart) are not passed to the specific methods, only to <see cref="OnStateChangedAsync"/>.
/// Register an implementation in DI (<c>services.AddSingleton&lt;ISessionNotifier, MyNotifier&gt;()</c>, before or after
/// <c>AddGbbApplication</c>); the default does nothing.
/// </summary>
public interface ISessionNotifier
{
    /// <summary>Every stored change (accepted command or fired deadline): refresh the shared card.</summary>
    Task OnStateChangedAsync(SessionNotification notification, CancellationToken cancellationToken);

    /// <summary>The current phase ends soon (default 1 minute before).</summary>
    Task OnPhaseWarningAsync(SessionNotification notification, SessionEvent warning, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The current phase's time is up; the moderator decides (mention the moderator).</summary>
    Task OnPhaseOverdueAsync(SessionNotification notification, SessionEvent overdue, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The planned end of the session is near (default 5 minutes before).</summary>
    Task OnSessionEndWarningAsync(SessionNotification notification, SessionEvent warning, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The phase ended and the session moved on by itself (session option AutoAdvance).</summary>
    Task OnAutoAdvancedAsync(SessionNotification notification, SessionEvent advanced, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The session ended: whoever must confirm the protocol is asked to.</summary>
    Task OnSessionCompletedAsync(SessionNotification notification, SessionEvent completed, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The default notifier: does nothing (the host runs without Teams output, e.g. in tests and tools).</summary>
public sealed class NullSessionNotifier : ISessionNotifier
{
    public Task OnStateChangedAsync(SessionNotification notification, CancellationToken cancellationToken) => Task.CompletedTask;
}

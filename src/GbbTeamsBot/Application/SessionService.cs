using GbbTeamsBot.Application.Deadlines;
using GbbTeamsBot.Application.Persistence;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Privacy;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Storage.Tables;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Application;

/// <summary>
/// The session use cases: create, run a command, read, remember where the live card is. Thin: load, let the
/// domain decide, save with If-Match, then tell the notifier. Time comes only from <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class SessionService(
    SessionStore store,
    RequestOutcomeStore requests,
    OutlivingRecords records,
    DeadlineSchedule deadlines,
    NotificationDispatcher notifications,
    TimeProvider time,
    IOptions<EngineOptions> options,
    ILogger<SessionService> logger)
{
    /// <summary>Attempts when the command has no expected version (e.g. adding an entry); with one, a lost race is stale.</summary>
    private const int MaxAttempts = 8;

    private static readonly TimeSpan DuplicateWait = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan DuplicatePoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan AbandonPendingAfter = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Creates and stores a prepared session (moderator, options, phase plan, initial participants and roles, earlier
    /// open agreements of the same case to review). All or nothing: a rejection stores nothing. With a fixed
    /// <see cref="CreateSessionRequest.SessionId"/> a repeated submit returns the session stored the first time.
    /// </summary>
    public async Task<CreateSessionOutcome> CreateAsync(CreateSessionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sessionId = string.IsNullOrWhiteSpace(request.SessionId) ? Guid.NewGuid().ToString("N") : request.SessionId;
        var address = new SessionAddress(request.TenantId, request.TeamId, sessionId);
        var now = time.GetUtcNow();

        IReadOnlyList<Agreement> earlier = [];
        var caseReference = request.CaseReference;
        if (!string.IsNullOrWhiteSpace(caseReference) && CaseReference.Parse(caseReference) is { IsSuccess: true } parsed)
        {
            caseReference = parsed.Value!.Value;
            earlier = (await records.ForCaseAsync(address.Scope, caseReference, cancellationToken))
                .Where(a => a.Status == AgreementStatus.Open)
                .OrderBy(a => a.CreatedAt)
                .ToList();
        }

        var setup = new SessionSetup(sessionId, request.TenantId, request.TeamId, request.MethodId, request.ModeratorId, request.ModeratorDisplayName)
        {
            CaseReference = caseReference,
            Agenda = request.Agenda,
            Options = request.Options,
            EarlierAgreements = earlier,
        };
        var created = ConsultationSession.Create(setup, now);
        if (!created.IsSuccess)
        {
            return new CreateSessionOutcome { Rejection = created.Rejection };
        }

        var session = created.Value!;
        if (Prepare(session, request, now) is { } rejection)
        {
            return new CreateSessionOutcome { Rejection = rejection };
        }

        try
        {
            var stored = await store.CreateAsync(address, session.Snapshot(), request.ConversationId, now, cancellationToken);
            LogCreated(logger, sessionId, session.Method.Id, earlier.Count);
            return new CreateSessionOutcome { Session = stored.ToView() };
        }
        catch (TableConflictException)
        {
            var existing = await store.LoadAsync(address, cancellationToken);
            return existing is not null && existing.Snapshot.CreatedById == request.ModeratorId
                ? new CreateSessionOutcome { Session = existing.ToView(), IsDuplicate = true }
                : new CreateSessionOutcome { Rejection = Rejections.InvalidSetup(new("Diese Sitzungs-ID ist schon vergeben.", "This session id is already taken.")) };
        }
    }

    /// <summary>
    /// Runs one command: load, execute against the stored state, save with If-Match, and only then report success.
    /// When another writer saved first, the command runs again once against the fresh state, where a card's
    /// <paramref name="expectedVersion"/> that no longer matches gives the domain's StaleVersion rejection. With a
    /// <paramref name="requestId"/> (e.g. the card action's id) a repeat returns the first outcome and changes nothing.
    /// </summary>
    public async Task<CommandOutcome> ExecuteAsync(SessionAddress address, SessionCommand command, int? expectedVersion = null, string? requestId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(command);
        if (string.IsNullOrWhiteSpace(requestId))
        {
            return await RunAndNotifyAsync(address, command, expectedVersion, cancellationToken);
        }

        var engine = options.Value;
        var pending = await requests.TryBeginAsync(address, requestId, time.GetUtcNow(), engine.RequestTimeToLive, AbandonPendingAfter, cancellationToken);
        if (pending is null)
        {
            return await ReplayAsync(address, requestId, cancellationToken);
        }

        Result result;
        try
        {
            result = await RunAsync(address, command, expectedVersion, cancellationToken);
        }
        catch
        {
            await requests.AbandonAsync(address, requestId, pending.Value, CancellationToken.None);
            throw;
        }

        if (result.Outcome.Status == CommandStatus.Conflict)
        {
            await requests.AbandonAsync(address, requestId, pending.Value, CancellationToken.None);
        }
        else
        {
            var o = result.Outcome;
            await requests.CompleteAsync(address, requestId, pending.Value, new StoredOutcome(o.Status, o.Rejection, o.Message, o.Version, o.Events), time.GetUtcNow(), engine.RequestTimeToLive, CancellationToken.None);
        }

        Notify(result, command);
        return result.Outcome;
    }

    /// <summary>The stored session for rendering, or null.</summary>
    public async Task<SessionView?> GetAsync(SessionAddress address, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        return (await store.LoadAsync(address, cancellationToken))?.ToView();
    }

    /// <summary>
    /// Remembers where the shared live card was posted (after the Teams layer sent it), so proactive updates can
    /// replace it. Does not change the session's version. False when the session does not exist.
    /// </summary>
    public async Task<bool> SetLiveCardAsync(SessionAddress address, LiveCardLocation card, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(card);
        for (var attempt = 0; ; attempt++)
        {
            var loaded = await store.LoadAsync(address, cancellationToken);
            if (loaded is null)
            {
                return false;
            }

            try
            {
                await store.SaveAsync(loaded, loaded.Snapshot, time.GetUtcNow(), cancellationToken, card);
                return true;
            }
            catch (TablePreconditionFailedException) when (attempt < MaxAttempts)
            {
            }
        }
    }

    private static Rejection? Prepare(ConsultationSession session, CreateSessionRequest request, DateTimeOffset now)
    {
        var moderator = request.ModeratorId;
        if (request.PhasePlan is { } plan && session.Execute(new SetPhasePlan(moderator, plan), now) is { IsAccepted: false } planned)
        {
            return planned.Rejection;
        }

        foreach (var person in request.Participants)
        {
            var joined = session.Execute(new JoinSession(person.Id, person.DisplayName, person.IsExternal, person.Organisation), now);
            if (!joined.IsAccepted)
            {
                return joined.Rejection;
            }

            if (person.Role is { } role && session.RoleOf(person.Id) != role
                && session.Execute(new AssignRole(moderator, person.Id, role), now) is { IsAccepted: false } assigned)
            {
                return assigned.Rejection;
            }
        }

        return null;
    }

    private async Task<CommandOutcome> RunAndNotifyAsync(SessionAddress address, SessionCommand command, int? expectedVersion, CancellationToken cancellationToken)
    {
        var result = await RunAsync(address, command, expectedVersion, cancellationToken);
        Notify(result, command);
        return result.Outcome;
    }

    private async Task<Result> RunAsync(SessionAddress address, SessionCommand command, int? expectedVersion, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var loaded = await store.LoadAsync(address, cancellationToken);
            if (loaded is null)
            {
                return new Result(new CommandOutcome { Status = CommandStatus.SessionNotFound, Message = CommandOutcome.NotFoundMessage }, null);
            }

            var session = ConsultationSession.Restore(loaded.Snapshot);
            var before = session.NextDeadline();
            var now = time.GetUtcNow();
            var result = session.Execute(command, now, expectedVersion);
            if (!result.IsAccepted)
            {
                var rejected = new CommandOutcome
                {
                    Status = CommandStatus.Rejected,
                    Rejection = result.Rejection,
                    Message = result.Rejection!.Message,
                    Version = result.Version,
                    Session = loaded.ToView(),
                };
                return new Result(rejected, null);
            }

            var after = session.NextDeadline();
            await deadlines.ScheduleIfChangedAsync(address, before, after, cancellationToken);
            LoadedSession saved;
            try
            {
                saved = await store.SaveAsync(loaded, result.State, now, cancellationToken);
            }
            catch (TablePreconditionFailedException)
            {
                LogLostRace(logger, address.SessionId, command.Trigger, attempt);
                if (attempt < MaxAttempts)
                {
                    // A short random pause (real time, not session time) so racing writers do not collide again in step.
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
                    continue;
                }

                return new Result(new CommandOutcome { Status = CommandStatus.Conflict, Message = CommandOutcome.ConflictMessage, Version = loaded.Snapshot.Version }, null);
            }

            await AfterSaveAsync(address, session, result.Events, before, after, now, cancellationToken);
            var view = saved.ToView();
            var accepted = new CommandOutcome { Status = CommandStatus.Accepted, Version = result.Version, Events = result.Events, Session = view };
            return new Result(accepted, view);
        }
    }

    /// <summary>Work that follows a stored change; failures are logged (the change stands and later changes heal them).</summary>
    private async Task AfterSaveAsync(SessionAddress address, ConsultationSession session, IReadOnlyList<SessionEvent> events, Domain.Deadlines.Deadline? before, Domain.Deadlines.Deadline? after, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await deadlines.CancelIfReplacedAsync(address, before, after, cancellationToken);
            await records.WriteAsync(address, session, events, now, cancellationToken);
        }
        catch (TableStorageException ex)
        {
            LogAfterSaveFailed(logger, ex, address.SessionId);
        }
    }

    private async Task<CommandOutcome> ReplayAsync(SessionAddress address, string requestId, CancellationToken cancellationToken)
    {
        // The twin request is being processed right now: wait briefly (real time, not session time) for its outcome.
        for (var poll = 0; ; poll++)
        {
            var state = await requests.GetAsync(address, requestId, cancellationToken);
            if (state?.Outcome is { } first)
            {
                var current = await store.LoadAsync(address, cancellationToken);
                return new CommandOutcome
                {
                    Status = first.Status,
                    Rejection = first.Rejection,
                    Message = first.Message,
                    Version = first.Version,
                    Events = first.Events,
                    IsDuplicate = true,
                    Session = current?.ToView(),
                };
            }

            if (poll * DuplicatePoll >= DuplicateWait)
            {
                return new CommandOutcome { Status = CommandStatus.InProgress, Message = CommandOutcome.InProgressMessage, IsDuplicate = true };
            }

            await Task.Delay(DuplicatePoll, cancellationToken);
        }
    }

    /// <summary>The notifier hears of a stored change after the answer (see <see cref="NotificationDispatcher"/>).</summary>
    private void Notify(Result result, SessionCommand command)
    {
        if (result.Saved is { } view)
        {
            notifications.Enqueue(new SessionNotification(view.Address, view, ChangeSource.Command, result.Outcome.Events) { ActorId = command.ActorId });
        }
    }

    private sealed record Result(CommandOutcome Outcome, SessionView? Saved);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} created with method {MethodId}, {EarlierAgreements} earlier agreements to review")]
    private static partial void LogCreated(ILogger logger, string sessionId, string methodId, int earlierAgreements);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: {Trigger} lost a concurrent save (attempt {Attempt}); reloading")]
    private static partial void LogLostRace(ILogger logger, string sessionId, SessionTrigger trigger, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: follow-up writes after a stored change failed; they are repeated by later changes")]
    private static partial void LogAfterSaveFailed(ILogger logger, Exception exception, string sessionId);
}

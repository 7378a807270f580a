using System.Text.Json;
using GbbTeamsBot.Application.Deadlines;
using GbbTeamsBot.Application.Persistence;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Privacy;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Application;

/// <summary>
/// The session use cases: create, run a command, read, remember where the live card is. Thin: load, let the
/// domain decide, save with If-Match, then tell the notifier. Time comes only from <see cref="TimeProvider"/>.
/// </summary>
public sealed partial class SessionService(
    SessionStore store,
    OutlivingRecords records,
    DeadlineSchedule deadlines,
    NotificationDispatcher notifications,
    TimeProvider time,
    IOptions<EngineOptions> options,
    ILogger<SessionService> logger)
{
    /// <summary>Attempts when the command has no expected version (e.g. adding an entry); with one, a lost race is stale.</summary>
    private const int MaxAttempts = 8;

    /// <summary>Commands to one session run one at a time on this instance, so they never race each other here.</summary>
    private readonly SemaphoreSlim[] _sessionTurns = [.. Enumerable.Range(0, 256).Select(_ => new SemaphoreSlim(1, 1))];

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
            var team = await store.ListForCaseAsync(address.Scope, caseReference, cancellationToken);
            if (CaseRules.RunningSessionFor(caseReference, team.Where(s => s.SessionId != sessionId)) is { } running)
            {
                return new CreateSessionOutcome { Rejection = CaseRules.AlreadyRunning(caseReference), RunningSessionId = running.SessionId };
            }

            // The domain picks what to review: everything still open and what became of the latest session's agreements.
            earlier = await records.ForCaseAsync(address.Scope, caseReference, cancellationToken);
        }

        var setup = new SessionSetup(sessionId, request.TenantId, request.TeamId, request.MethodId, request.ModeratorId, request.ModeratorDisplayName)
        {
            CaseReference = caseReference,
            Agenda = request.Agenda,
            Options = request.Options,
            Language = request.Settings.Language,
            TimeZoneId = request.Settings.TimeZoneId,
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
    /// Runs one command against the session and stores the result with If-Match before anything else happens; only
    /// then does the caller hear of it, and the notifier after that. Starts from this instance's last known state (no
    /// read); when another writer saved first, the command runs again on the fresh state, where a card's
    /// <paramref name="expectedVersion"/> that no longer matches gives the domain's StaleVersion rejection. With a
    /// <paramref name="requestId"/> (the card action's id) the request is stored with its outcome in the same
    /// transaction, so a repeat (double click, redelivery after a crash) gets the first outcome and changes nothing.
    /// </summary>
    public async Task<CommandOutcome> ExecuteAsync(SessionAddress address, SessionCommand command, int? expectedVersion = null, string? requestId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(command);
        var turn = _sessionTurns[(int)((uint)address.GetHashCode() % (uint)_sessionTurns.Length)];
        await turn.WaitAsync(cancellationToken);
        Result result;
        try
        {
            result = await RunAsync(address, command, expectedVersion, string.IsNullOrWhiteSpace(requestId) ? null : requestId, cancellationToken);
        }
        finally
        {
            turn.Release();
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

    private async Task<Result> RunAsync(SessionAddress address, SessionCommand command, int? expectedVersion, string? requestId, CancellationToken cancellationToken)
    {
        var useCache = true;
        for (var attempt = 1; ; attempt++)
        {
            var (loaded, fromCache) = useCache ? await store.LoadForCommandAsync(address, cancellationToken) : (await store.LoadAsync(address, cancellationToken), false);
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
                if (fromCache)
                {
                    // Judged on this instance's copy: another instance may have moved on, so judge again on the stored state.
                    useCache = false;
                    continue;
                }

                // A repeat of a request that was stored (its first run moved the version on) is answered as that request.
                if (requestId is not null && await ReplayAsync(address, requestId, now, cancellationToken) is { } replay)
                {
                    return new Result(replay, null);
                }

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
            var accepted = new CommandOutcome { Status = CommandStatus.Accepted, Version = result.Version, Events = result.Events };
            var request = requestId is null ? null : new SessionRequestRecord(
                requestId,
                JsonSerializer.Serialize(new StoredOutcome(accepted.Status, null, null, accepted.Version, accepted.Events), SessionSnapshotSerializer.Options),
                now + options.Value.RequestTimeToLive);
            var outbox = OutlivingRecords.OutboxFor(address.SessionId, result.State.Version, result.Events, now + options.Value.OutboxReplayDelay);
            LoadedSession saved;
            try
            {
                saved = await store.SaveAsync(loaded, result.State, now, cancellationToken, request: request, outbox: outbox);
            }
            catch (TableConflictException) when (requestId is not null)
            {
                // The request's row is there: it was processed before (double click, or redelivery after a crash).
                return new Result(await ReplayAsync(address, requestId, now, cancellationToken) ?? TryAgain(loaded), null);
            }
            catch (TableResourceNotFoundException)
            {
                return new Result(new CommandOutcome { Status = CommandStatus.SessionNotFound, Message = CommandOutcome.NotFoundMessage }, null);
            }
            catch (TableEntityValidationException)
            {
                // The change would not fit its rows (checked before anything is sent): refused, the session stays as it was.
                LogTooLarge(logger, address.SessionId, command.Trigger);
                var tooLarge = Rejections.SessionTooLarge();
                return new Result(new CommandOutcome { Status = CommandStatus.Rejected, Rejection = tooLarge, Message = tooLarge.Message, Version = loaded.Snapshot.Version, Session = loaded.ToView() }, null);
            }
            catch (TablePreconditionFailedException)
            {
                LogLostRace(logger, address.SessionId, command.Trigger, attempt);
                useCache = false;
                if (attempt < MaxAttempts)
                {
                    // A short random pause (real time, not session time) so racing writers do not collide again in step.
                    await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(5, 20 * attempt)), cancellationToken);
                    continue;
                }

                return new Result(TryAgain(loaded), null);
            }

            await AfterSaveAsync(address, session, result.Events, outbox, before, after, now, cancellationToken);
            var view = saved.ToView();
            return new Result(accepted with { Session = view }, view);
        }
    }

    private static CommandOutcome TryAgain(LoadedSession loaded) =>
        new() { Status = CommandStatus.Conflict, Message = CommandOutcome.ConflictMessage, Version = loaded.Snapshot.Version };

    /// <summary>
    /// Work that follows a stored change; failures are logged: the change stands, and the outbox row stored with it
    /// makes <see cref="OutboxReplayService"/> write the outliving records later.
    /// </summary>
    private async Task AfterSaveAsync(
        SessionAddress address, ConsultationSession session, IReadOnlyList<SessionEvent> events, Storage.Repositories.SessionOutboxRecord? outbox,
        Domain.Deadlines.Deadline? before, Domain.Deadlines.Deadline? after, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            await deadlines.CancelIfReplacedAsync(address, before, after, cancellationToken);
        }
        catch (TableStorageException ex)
        {
            LogAfterSaveFailed(logger, ex, address.SessionId);
        }

        if (outbox is null)
        {
            return;
        }

        try
        {
            await records.WriteAsync(address, session, events, now, cancellationToken);
            await store.CompleteOutboxAsync(address, outbox.Version, cancellationToken);
        }
        catch (Exception ex) when (ex is TableStorageException or TableEntityValidationException)
        {
            LogAfterSaveFailed(logger, ex, address.SessionId);
        }
    }

    /// <summary>The first outcome of a stored request, with the session as it is now; null when the request was never stored.</summary>
    private async Task<CommandOutcome?> ReplayAsync(SessionAddress address, string requestId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var first = await store.GetOutcomeAsync(address, requestId, now, cancellationToken);
        if (first is null)
        {
            return null;
        }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: {Trigger} refused, the session would not fit its table rows")]
    private static partial void LogTooLarge(ILogger logger, string sessionId, SessionTrigger trigger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: {Trigger} lost a concurrent save (attempt {Attempt}); reloading")]
    private static partial void LogLostRace(ILogger logger, string sessionId, SessionTrigger trigger, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: follow-up writes after a stored change failed; the outbox replay repeats them")]
    private static partial void LogAfterSaveFailed(ILogger logger, Exception exception, string sessionId);
}

using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Privacy;

namespace GbbTeamsBot.Domain.Sessions;

/// <summary>
/// The consultation session aggregate. All state lives in one immutable <see cref="SessionSnapshot"/>; a command
/// computes a new snapshot and, only if accepted, replaces the old one and increments <see cref="Version"/>. A
/// rejected command leaves the snapshot untouched. Time comes only from the instants passed in.
/// </summary>
public sealed partial class ConsultationSession
{
    private SessionSnapshot _state;

    private ConsultationSession(MethodDefinition method, SessionSnapshot state)
    {
        Method = method;
        _state = state;
    }

    public MethodDefinition Method { get; }

    public string Id => _state.SessionId;

    public SessionStatus Status => _state.Status;

    public int Version => _state.Version;

    public int CurrentPhaseIndex => _state.CurrentPhaseIndex;

    public PhaseDefinition? CurrentPhase =>
        _state.CurrentPhaseIndex >= 0 ? Method.Phases[_state.CurrentPhaseIndex] : null;

    public IReadOnlyList<Participant> Participants => _state.Participants;

    /// <summary>The complete state (immutable); persist it as JSON with <see cref="SessionSnapshotSerializer"/>.</summary>
    public SessionSnapshot Snapshot() => _state;

    /// <summary>Creates a prepared session; the creator becomes the moderator.</summary>
    public static Outcome<ConsultationSession> Create(SessionSetup setup, DateTimeOffset now, MethodCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(setup);
        catalog ??= MethodCatalog.Default;
        if (new[] { setup.SessionId, setup.TenantId, setup.TeamId, setup.ModeratorId }.Any(string.IsNullOrWhiteSpace))
        {
            return Rejections.InvalidSetup(new("Sitzung, Mandant, Team und Moderation müssen angegeben sein.", "Session, tenant, team and moderator must be given."));
        }

        var nameCheck = TextRules.Validate(
            [new TextInput("displayName", new("Anzeigename", "Display name"), setup.ModeratorDisplayName, TextRules.ShortTextMaxLength)],
            confirmedDespiteWarnings: true);
        if (nameCheck is not null)
        {
            return nameCheck;
        }

        MethodDefinition method;
        if (setup.MethodId == MethodIds.Teamsitzung)
        {
            if (setup.Agenda is null)
            {
                return Rejections.InvalidSetup(new("Für eine Teamsitzung wird eine Tagesordnung gebraucht.", "A team meeting needs an agenda."));
            }

            method = catalog.ForAgenda(setup.Agenda);
        }
        else if (!catalog.TryGet(setup.MethodId, out method))
        {
            return Rejections.UnknownMethod(setup.MethodId);
        }

        string? caseReference = null;
        if (method.RequiresCaseReference || !string.IsNullOrWhiteSpace(setup.CaseReference))
        {
            var parsed = CaseReference.Parse(setup.CaseReference);
            if (!parsed.IsSuccess)
            {
                return parsed.Rejection!;
            }

            caseReference = parsed.Value!.Value;
        }

        var options = setup.Options ?? new SessionOptions();
        if (ValidateOptions(options) is { } optionsRejection)
        {
            return optionsRejection;
        }

        var earlier = caseReference is null
            ? []
            : AgreementFollowUp.ForReview(
                setup.EarlierAgreements.Where(a => string.Equals(a.CaseReference, caseReference, StringComparison.Ordinal)),
                SessionLimits.MaxAgreements);

        var state = new SessionSnapshot
        {
            SessionId = setup.SessionId,
            TenantId = setup.TenantId,
            TeamId = setup.TeamId,
            MethodId = method.Id,
            MethodRevision = method.Revision,
            Agenda = setup.MethodId == MethodIds.Teamsitzung ? setup.Agenda : null,
            CaseReference = caseReference,
            CreatedAt = now,
            CreatedById = setup.ModeratorId,
            Options = options,
            Language = setup.Language,
            TimeZoneId = string.IsNullOrWhiteSpace(setup.TimeZoneId) ? Teams.TeamSettings.DefaultTimeZoneId : setup.TimeZoneId,
            Total = method.DefaultTotal,
            Phases = method.Phases
                .Select((phase, index) => new PhaseRun { Index = index, Key = phase.Key, Baseline = phase.DefaultDuration, Planned = phase.DefaultDuration })
                .ToList(),
            Participants =
            [
                new Participant { Id = setup.ModeratorId, DisplayName = setup.ModeratorDisplayName.Trim(), Role = ParticipantRole.Moderator, JoinedAt = now },
            ],
            EarlierAgreements = earlier,
        };
        return Outcome<ConsultationSession>.Success(new ConsultationSession(method, state));
    }

    /// <summary>Rebuilds the aggregate from a stored snapshot.</summary>
    public static ConsultationSession Restore(SessionSnapshot snapshot, MethodCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        catalog ??= MethodCatalog.Default;
        if (snapshot.SchemaVersion != SessionSnapshot.CurrentSchemaVersion)
        {
            throw new InvalidOperationException($"Unsupported session schema version {snapshot.SchemaVersion}.");
        }

        MethodDefinition method;
        if (snapshot.MethodId == MethodIds.Teamsitzung)
        {
            method = catalog.ForAgenda(snapshot.Agenda ?? throw new InvalidOperationException("Team meeting snapshot without agenda."));
        }
        else if (!catalog.TryGet(snapshot.MethodId, out method))
        {
            throw new InvalidOperationException($"Unknown method '{snapshot.MethodId}' in stored session.");
        }

        if (method.Phases.Count != snapshot.Phases.Count)
        {
            throw new InvalidOperationException("Stored session does not match its method's phases.");
        }

        return new ConsultationSession(method, snapshot);
    }

    /// <summary>
    /// Runs one command. With <paramref name="expectedVersion"/> (from the card the user clicked) a stale view is
    /// rejected. Rejections leave the session unchanged.
    /// </summary>
    public CommandResult Execute(SessionCommand command, DateTimeOffset now, int? expectedVersion = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (expectedVersion is { } expected && expected != _state.Version)
        {
            return CommandResult.Rejected(Rejections.StaleVersion(expected, _state.Version), _state);
        }

        var rule = SessionStateMachine.RuleFor(command.Trigger);
        if (!rule.From.Contains(_state.Status))
        {
            return CommandResult.Rejected(
                Rejections.InvalidInState(Labels.For(command.Trigger), Labels.For(_state.Status)),
                _state);
        }

        var actor = Find(command.ActorId);
        if (actor is null && command is not JoinSession)
        {
            return CommandResult.Rejected(Rejections.UnknownParticipant(), _state);
        }

        var step = command switch
        {
            JoinSession c => Join(c, now),
            AssignRole c => Assign(actor!, c, now),
            HandOverRole c => HandOver(actor!, c, now),
            LeaveSession => Leave(actor!, now),
            PassRole c => Pass(actor!, c, now),
            WithdrawConsent => WithdrawConsentStep(actor!, now),
            RecordConsent c => RecordConsentFor(actor!, c, now),
            ConfigureSession c => Configure(actor!, c),
            SetPhasePlan c => SetPlan(actor!, c),
            StartSession => Start(actor!, now),
            AdvancePhase => RequireModerator(actor!, command) ?? Advance(_state, now),
            ReturnToPreviousPhase => RequireModerator(actor!, command) ?? GoBack(now),
            AdjustCurrentPhase c => RequireModerator(actor!, command) ?? Adjust(c, now),
            ExtendTotal c => RequireModerator(actor!, command) ?? Extend(c, now),
            PauseSession => RequireModerator(actor!, command) ?? Pause(now),
            ResumeSession => RequireModerator(actor!, command) ?? Resume(now),
            FinishEarly => RequireModerator(actor!, command) ?? Complete(_state, now, early: true),
            NextStep => _state.Status == SessionStatus.Prepared
                ? Start(actor!, now)
                : RequireModerator(actor!, command) ?? (Method.RunsThroughOnNext ? RunThrough(_state, now) : Advance(_state, now)),
            FinishSession => RequireModerator(actor!, command)
                ?? (_state.CurrentPhaseIndex == Method.Phases.Count - 1 ? Advance(_state, now) : Complete(_state, now, early: true)),
            CancelSession => RequireModerator(actor!, command) ?? Cancel(now),
            AddContribution c => Add(actor!, c, now),
            EditContribution c => Edit(actor!, c, now),
            WithdrawContribution c => Withdraw(actor!, c),
            HideContribution c => Hide(actor!, c),
            SetFocusQuestion c => SetFocus(actor!, c),
            ChooseIdea c => Choose(actor!, c),
            RecordAgreement c => Record(actor!, c, now),
            EditAgreement c => EditAgreementStep(actor!, c),
            RemoveAgreement c => RemoveAgreementStep(actor!, c, now),
            ReviewEarlierAgreement c => Review(actor!, c, now),
            DesignateCoordinatingContact c => Designate(actor!, c),
            UpdateProtocolText c => UpdateText(actor!, c),
            ConfirmProtocol => Confirm(actor!, now),
            CorrectProtocol c => Correct(actor!, c),
            _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, null),
        };

        if (step.Rejection is not null)
        {
            return CommandResult.Rejected(step.Rejection, _state);
        }

        if (!rule.Leads(_state.Status, step.Next!.Status))
        {
            throw new InvalidOperationException($"{command.Trigger} led from {_state.Status} to {step.Next.Status}, which its row in the state table does not allow.");
        }

        _state = step.Next with
        {
            Version = _state.Version + 1,
            ScheduleRevision = _state.ScheduleRevision + (rule.AffectsSchedule ? 1 : 0),
        };
        return CommandResult.Accepted(_state, step.Events);
    }

    private Participant? Find(string? participantId) =>
        participantId is null ? null : _state.Participants.FirstOrDefault(p => p.Id == participantId);

    private static Step? RequireModerator(Participant actor, SessionCommand command)
    {
        if (actor.Role == ParticipantRole.Moderator)
        {
            return null;
        }

        return (Step)Rejections.RoleNotPermitted(Labels.For(actor.Role), Labels.For(command.Trigger));
    }

    private static Rejection? ValidateOptions(SessionOptions options)
    {
        var tenMinutes = TimeSpan.FromMinutes(10);
        if (options.PhaseWarningLead < TimeSpan.Zero || options.PhaseWarningLead > tenMinutes
            || options.SessionWarningLead < TimeSpan.Zero || options.SessionWarningLead > TimeSpan.FromMinutes(30)
            || options.LateTolerance < TimeSpan.Zero || options.LateTolerance > tenMinutes
            || options.ReentryMinimum < TimeSpan.Zero || options.ReentryMinimum > tenMinutes)
        {
            return Rejections.InvalidSetup(new(
                "Vorwarnzeiten und Toleranzen müssen zwischen 0 und 10 Minuten liegen (Sitzungsende: bis 30 Minuten).",
                "Warning leads and tolerances must be between 0 and 10 minutes (session end: up to 30 minutes)."));
        }

        return null;
    }

    /// <summary>The outcome of a handler: a new snapshot with events, or a rejection.</summary>
    private readonly record struct Step(SessionSnapshot? Next, Rejection? Rejection, IReadOnlyList<SessionEvent> Events)
    {
        public static implicit operator Step(Rejection rejection) => new(null, rejection, []);
    }

    private static Step Ok(SessionSnapshot next, params SessionEvent[] events) => new(next, null, events);

    private static SessionEvent Event(SessionEventKind kind, int? phase = null, string? subject = null) =>
        new(kind) { PhaseIndex = phase, SubjectId = subject };
}

using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using static GbbTeamsBot.Domain.Tests.Fixtures;

namespace GbbTeamsBot.Domain.Tests;

public sealed class StateMachineTests
{
    private static readonly Agreement EarlierAgreement = new()
    {
        Id = "s0/a1",
        SourceSessionId = "s0",
        CaseReference = Case,
        What = "Die Person meldet sich beim Sportverein.",
        Owner = AgreementOwner.Person,
        DueBy = new DateOnly(2026, 11, 20),
        CreatedAt = T0.AddDays(-14),
    };

    public static TheoryData<SessionStatus, SessionTrigger> AllPairs()
    {
        var data = new TheoryData<SessionStatus, SessionTrigger>();
        foreach (var status in Enum.GetValues<SessionStatus>())
        {
            foreach (var trigger in Enum.GetValues<SessionTrigger>())
            {
                data.Add(status, trigger);
            }
        }

        return data;
    }

    [Fact]
    public void Every_trigger_has_exactly_one_row_in_the_table()
    {
        var triggers = SessionStateMachine.Rules.Select(r => r.Trigger).ToList();
        Assert.Equal(Enum.GetValues<SessionTrigger>().Length, triggers.Count);
        Assert.Equal(triggers.Count, triggers.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_state_and_trigger_pair_follows_the_table(SessionStatus status, SessionTrigger trigger)
    {
        var session = InState(status);
        var now = T0.AddMinutes(30);
        var before = session.Json();
        var version = session.Version;
        var rule = SessionStateMachine.RuleFor(trigger);

        var result = session.Execute(CommandFor(trigger), now);

        if (!rule.From.Contains(status))
        {
            Assert.False(result.IsAccepted);
            Assert.Equal(RejectionCode.InvalidInState, result.Rejection!.Code);
            Assert.Equal(before, session.Json());
            Assert.Equal(version, session.Version);
            return;
        }

        // Valid in this state: the command is judged on its own guards, never refused for the state.
        Assert.NotEqual(RejectionCode.InvalidInState, result.Rejection?.Code);
        if (result.IsAccepted)
        {
            Assert.Equal(version + 1, session.Version);
            Assert.True(rule.Leads(status, session.Status), $"{trigger} led from {status} to {session.Status}.");
            Assert.Equal(rule.To ?? status, session.Status);
        }
        else
        {
            Assert.Equal(before, session.Json());
        }
    }

    [Theory]
    [InlineData(SessionTrigger.Start, SessionStatus.Prepared)]
    [InlineData(SessionTrigger.Pause, SessionStatus.Running)]
    [InlineData(SessionTrigger.Resume, SessionStatus.Paused)]
    [InlineData(SessionTrigger.AdvancePhase, SessionStatus.Running)]
    [InlineData(SessionTrigger.ReturnToPreviousPhase, SessionStatus.Running)]
    [InlineData(SessionTrigger.FinishEarly, SessionStatus.Running)]
    [InlineData(SessionTrigger.Cancel, SessionStatus.Prepared)]
    [InlineData(SessionTrigger.ConfirmProtocol, SessionStatus.Completed)]
    [InlineData(SessionTrigger.AddContribution, SessionStatus.Running)]
    public void Walked_commands_are_accepted_in_their_states(SessionTrigger trigger, SessionStatus status)
    {
        var session = InState(status);
        var result = session.Execute(CommandFor(trigger), T0.AddMinutes(30));
        Assert.True(result.IsAccepted, result.Rejection?.ToString());
    }

    /// <summary>Sessions in each state; live states stand in the resource phase with one resource by adviser 1.</summary>
    private static ConsultationSession InState(SessionStatus status)
    {
        var session = Prepared(earlier: [EarlierAgreement]);
        if (status == SessionStatus.Prepared)
        {
            return session;
        }

        if (status == SessionStatus.Cancelled)
        {
            session.Ok(new CancelSession(Mod), T0);
            return session;
        }

        session.Ok(new StartSession(Mod), T0);
        session.Ok(new AdvancePhase(Mod), T0.AddMinutes(10));
        session.Ok(new SetFocusQuestion(Presenter, "Was braucht die Person, um eine Ausbildung zu beginnen?"), T0.AddMinutes(12));
        session.Ok(new AdvancePhase(Mod), T0.AddMinutes(15));
        session.Ok(new AddContribution(Adviser1, SampleDraft(ContributionKind.Resource)), T0.AddMinutes(16));
        if (status == SessionStatus.Paused)
        {
            session.Ok(new PauseSession(Mod), T0.AddMinutes(20));
        }
        else if (status == SessionStatus.Completed)
        {
            session.Ok(new FinishEarly(Mod), T0.AddMinutes(20));
        }

        return session;
    }

    private static SessionCommand CommandFor(SessionTrigger trigger) => trigger switch
    {
        SessionTrigger.Join => new JoinSession("new", "Neue Kollegin"),
        SessionTrigger.AssignRole => new AssignRole(Mod, Adviser2, ParticipantRole.Guest),
        SessionTrigger.HandOverRole => new HandOverRole(Keeper, Adviser2),
        SessionTrigger.RecordConsent => new RecordConsent(Mod, ValidConsent()),
        SessionTrigger.Configure => new ConfigureSession(Mod, new SessionOptions { AnonymousAdvisers = true }),
        SessionTrigger.SetPlan => new SetPhasePlan(Mod, [Min(10), Min(5), Min(10), Min(10), Min(5)]),
        SessionTrigger.Start => new StartSession(Mod),
        SessionTrigger.AdvancePhase => new AdvancePhase(Mod),
        SessionTrigger.ReturnToPreviousPhase => new ReturnToPreviousPhase(Mod),
        SessionTrigger.AdjustCurrentPhase => new AdjustCurrentPhase(Mod, Min(1)),
        SessionTrigger.ExtendTotal => new ExtendTotal(Mod, Min(5), AddToCurrentPhase: false),
        SessionTrigger.Pause => new PauseSession(Mod),
        SessionTrigger.Resume => new ResumeSession(Mod),
        SessionTrigger.FinishEarly => new FinishEarly(Mod),
        SessionTrigger.Cancel => new CancelSession(Mod),
        SessionTrigger.AddContribution => new AddContribution(Adviser1, SampleDraft(ContributionKind.Resource)),
        SessionTrigger.EditContribution => new EditContribution(Adviser1, "c1", new ResourceDraft(ResourceArea.Personal, "Spricht drei Sprachen.")),
        SessionTrigger.WithdrawContribution => new WithdrawContribution(Adviser1, "c1"),
        SessionTrigger.HideContribution => new HideContribution(Mod, "c1"),
        SessionTrigger.SetFocusQuestion => new SetFocusQuestion(Presenter, "Was will die Person als Nächstes?"),
        SessionTrigger.ChooseIdea => new ChooseIdea(Presenter, "c1"),
        SessionTrigger.RecordAgreement => new RecordAgreement(Presenter, new AgreementDraft("Die Person ruft beim Verein an.", AgreementOwner.Person, null, new DateOnly(2026, 12, 1))),
        SessionTrigger.EditAgreement => new EditAgreement(Presenter, "s1/a1", new AgreementDraft("Anruf beim Verein.", AgreementOwner.Person, null, null)),
        SessionTrigger.ReviewEarlierAgreement => new ReviewEarlierAgreement(Mod, EarlierAgreement.Id, AgreementStatus.Done),
        SessionTrigger.DesignateCoordinatingContact => new DesignateCoordinatingContact(Mod, Presenter),
        SessionTrigger.UpdateProtocolText => new UpdateProtocolText(Keeper, ProtocolTextField.Summary, "Die Person möchte eine Ausbildung beginnen."),
        SessionTrigger.ConfirmProtocol => new ConfirmProtocol(Presenter),
        SessionTrigger.CorrectProtocol => new CorrectProtocol(Keeper, ProtocolTextField.Notes, "Ergänzung zur Kinderbetreuung.", "Nachtrag"),
        SessionTrigger.Next => new NextStep(Mod),
        SessionTrigger.Finish => new FinishSession(Mod),
        SessionTrigger.RemoveAgreement => new RemoveAgreement(Presenter, "s1/a1"),
        SessionTrigger.Leave => new LeaveSession(Adviser1),
        SessionTrigger.PassRole => new PassRole(Mod, Adviser2, ParticipantRole.Guest),
        SessionTrigger.WithdrawConsent => new WithdrawConsent(Mod),
        _ => throw new ArgumentOutOfRangeException(nameof(trigger)),
    };
}

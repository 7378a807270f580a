using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Consent;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using static GbbTeamsBot.Domain.Tests.Fixtures;

namespace GbbTeamsBot.Domain.Tests;

public sealed class SessionCommandTests
{
    private static void AssertRejectedUnchanged(ConsultationSession session, SessionCommand command, RejectionCode expected, DateTimeOffset? now = null)
    {
        var before = session.Json();
        var result = session.Execute(command, now ?? T0.AddMinutes(1));
        Assert.False(result.IsAccepted);
        Assert.Equal(expected, result.Rejection!.Code);
        Assert.False(string.IsNullOrWhiteSpace(result.Rejection.Message.De));
        Assert.False(string.IsNullOrWhiteSpace(result.Rejection.Message.En));
        Assert.Equal(before, session.Json());
    }

    [Fact]
    public void AdvancePhase_by_non_moderator_is_rejected_and_state_unchanged() =>
        AssertRejectedUnchanged(Running(), new AdvancePhase(Adviser1), RejectionCode.RoleNotPermitted);

    [Fact]
    public void Command_with_a_stale_expected_version_is_rejected_and_state_unchanged()
    {
        var session = Running();
        var before = session.Json();
        var result = session.Execute(new AdvancePhase(Mod), T0.AddMinutes(1), expectedVersion: session.Version - 1);
        Assert.Equal(RejectionCode.StaleVersion, result.Rejection!.Code);
        Assert.Equal(before, session.Json());
        Assert.True(session.Execute(new AdvancePhase(Mod), T0.AddMinutes(1), expectedVersion: session.Version).IsAccepted);
    }

    [Fact]
    public void Unknown_participant_is_rejected() =>
        AssertRejectedUnchanged(Running(), new AddContribution("stranger", SampleDraft(ContributionKind.ClarifyingQuestion)), RejectionCode.UnknownParticipant);

    [Fact]
    public void Start_without_a_case_presenter_is_rejected()
    {
        var session = ConsultationSession.Create(new SessionSetup("s9", "t", "team", MethodIds.KollegialeBeratung, Mod, "Mona") { CaseReference = Case }, T0).GetValueOrThrow();
        AssertRejectedUnchanged(session, new StartSession(Mod), RejectionCode.RolesIncomplete);
    }

    [Theory]
    [InlineData(MethodIds.Helferkonferenz)]
    [InlineData(MethodIds.PartizipativeKollegialeBeratung)]
    public void Consent_is_required_before_a_participatory_session_or_helper_conference_starts(string methodId)
    {
        var session = Prepared(methodId, withConsent: false);
        AssertRejectedUnchanged(session, new StartSession(Mod), RejectionCode.ConsentMissing, T0);

        session.Ok(new RecordConsent(Presenter, ValidConsent()), T0);
        AssertRejectedUnchanged(session, new StartSession(Mod), RejectionCode.ConsentExpired, T0.AddMonths(7));
        session.Ok(new StartSession(Mod), T0);
        Assert.Equal(Presenter, session.Snapshot().Consent!.ConfirmedById);
    }

    [Fact]
    public void Expired_or_inconsistent_consent_is_not_recorded()
    {
        var session = Prepared(MethodIds.Helferkonferenz, withConsent: false);
        AssertRejectedUnchanged(session, new RecordConsent(Mod, new ConsentDraft(T0.AddYears(-2), T0.AddYears(-1), ["Jugendamt"], true)), RejectionCode.ConsentExpired, T0);
        AssertRejectedUnchanged(session, new RecordConsent(Mod, new ConsentDraft(T0.AddDays(1), T0.AddYears(1), [], true)), RejectionCode.ConsentInvalid, T0);
        AssertRejectedUnchanged(session, new RecordConsent(Adviser1, ValidConsent()), RejectionCode.RoleNotPermitted, T0);
    }

    [Fact]
    public void Invalid_case_reference_prevents_creating_a_session()
    {
        var outcome = ConsultationSession.Create(new SessionSetup("s9", "t", "team", MethodIds.KollegialeBeratung, Mod, "Mona") { CaseReference = "Max Mustermann" }, T0);
        Assert.Equal(RejectionCode.InvalidCaseReference, outcome.Rejection!.Code);
    }

    [Fact]
    public void Roles_are_handed_over_as_a_swap_and_limits_hold()
    {
        var session = Running();
        session.Ok(new HandOverRole(Mod, Adviser2), T0);
        Assert.Equal(ParticipantRole.Moderator, session.RoleOf(Adviser2));
        Assert.Equal(ParticipantRole.Adviser, session.RoleOf(Mod));

        AssertRejectedUnchanged(session, new AdvancePhase(Mod), RejectionCode.RoleNotPermitted);
        AssertRejectedUnchanged(session, new AssignRole(Adviser2, Adviser1, ParticipantRole.CasePresenter), RejectionCode.RoleCapacityExceeded);
        AssertRejectedUnchanged(session, new HandOverRole(Adviser1, Mod), RejectionCode.RoleNotHeld);
        session.Ok(new AdvancePhase(Adviser2), T0.AddMinutes(2));
    }

    [Fact]
    public void External_participants_join_with_the_methods_external_role_and_cannot_get_staff_roles()
    {
        var session = Running(MethodIds.Helferkonferenz);
        session.Ok(new JoinSession("ext2", "Gast aus der Schule", IsExternal: true, Organisation: "Grundschule Nord"), T0);
        Assert.Equal(ParticipantRole.ExternalProfessional, session.RoleOf("ext2"));
        AssertRejectedUnchanged(session, new AssignRole(Mod, "ext2", ParticipantRole.Adviser), RejectionCode.RoleNotPermitted);
        AssertRejectedUnchanged(session, new JoinSession("ext2", "Noch einmal"), RejectionCode.AlreadyJoined);
    }

    [Fact]
    public void Guests_contribute_only_what_the_method_allows()
    {
        var session = Running();
        session.Ok(new JoinSession("guest", "Hospitantin", IsExternal: true), T0);
        Assert.Equal(ParticipantRole.Guest, session.RoleOf("guest"));
        AssertRejectedUnchanged(session, new AddContribution("guest", SampleDraft(ContributionKind.ClarifyingQuestion)), RejectionCode.RoleNotPermitted);
        Assert.Empty(session.CapabilitiesOf("guest").ContributionKinds);
        Assert.Contains(ContributionKind.ClarifyingQuestion, session.CapabilitiesOf(Adviser1).ContributionKinds);
    }

    [Fact]
    public void Contribution_kind_must_belong_to_the_current_phase() =>
        AssertRejectedUnchanged(Running(), new AddContribution(Adviser1, SampleDraft(ContributionKind.Idea)), RejectionCode.ActivityNotInPhase);

    [Fact]
    public void Only_the_case_presenter_sets_the_focus_question_and_chooses_ideas()
    {
        var session = Running();
        session.Ok(new AdvancePhase(Mod), T0.AddMinutes(10));
        AssertRejectedUnchanged(session, new SetFocusQuestion(Adviser1, "Was will die Person?"), RejectionCode.RoleNotPermitted);
        session.Ok(new SetFocusQuestion(Presenter, "Was will die Person?"), T0.AddMinutes(11));
        session.Ok(new AdvancePhase(Mod), T0.AddMinutes(15));
        session.Ok(new AdvancePhase(Mod), T0.AddMinutes(25));
        session.Ok(new AddContribution(Adviser1, SampleDraft(ContributionKind.Idea)), T0.AddMinutes(26));
        var idea = session.Contributions.Last().Id;
        AssertRejectedUnchanged(session, new ChooseIdea(Adviser1, idea), RejectionCode.RoleNotPermitted);
        session.Ok(new ChooseIdea(Presenter, idea), T0.AddMinutes(27));
        Assert.True(session.Contributions.Last().Chosen);
    }

    [Fact]
    public void Authors_edit_and_withdraw_their_entries_until_the_phase_ends()
    {
        var session = Running();
        session.Ok(new AddContribution(Adviser1, SampleDraft(ContributionKind.ClarifyingQuestion)), T0.AddMinutes(1));
        AssertRejectedUnchanged(session, new EditContribution(Adviser2, "c1", new ClarifyingQuestionDraft("Anders?")), RejectionCode.NotAuthor);
        session.Ok(new EditContribution(Adviser1, "c1", new ClarifyingQuestionDraft("Seit wann genau?")), T0.AddMinutes(2));
        Assert.Equal("Seit wann genau?", session.Contributions[0].Text);
        Assert.NotNull(session.Contributions[0].EditedAt);

        session.Ok(new AddContribution(Adviser1, SampleDraft(ContributionKind.ClarifyingQuestion)), T0.AddMinutes(3));
        session.Ok(new WithdrawContribution(Adviser1, "c2"), T0.AddMinutes(4));
        Assert.True(session.Contributions[1].Withdrawn);

        session.Ok(new AdvancePhase(Mod), T0.AddMinutes(10));
        AssertRejectedUnchanged(session, new EditContribution(Adviser1, "c1", new ClarifyingQuestionDraft("Zu spät")), RejectionCode.ContributionLocked);
        AssertRejectedUnchanged(session, new WithdrawContribution(Adviser1, "c1"), RejectionCode.ContributionLocked);
    }

    [Fact]
    public void Moderator_hides_an_entry_and_sessions_can_make_advisers_anonymous()
    {
        var session = Prepared(options: null);
        session.Ok(new ConfigureSession(Mod, new SessionOptions { AnonymousAdvisers = true }), T0);
        session.Ok(new StartSession(Mod), T0);
        session.Ok(new AddContribution(Adviser1, SampleDraft(ContributionKind.ClarifyingQuestion)), T0.AddMinutes(1));
        var entry = session.Contributions[0];
        Assert.True(entry.Anonymous);
        Assert.Null(entry.VisibleAuthorId);

        AssertRejectedUnchanged(session, new HideContribution(Adviser2, "c1"), RejectionCode.RoleNotPermitted);
        session.Ok(new HideContribution(Mod, "c1"), T0.AddMinutes(2));
        Assert.False(session.Contributions[0].IsVisible);
        Assert.Empty(session.CurrentProtocol().ClarifyingQuestions);
    }

    [Fact]
    public void Text_over_the_limit_is_rejected_with_a_clear_message()
    {
        var session = Running();
        var command = new AddContribution(Adviser1, new ClarifyingQuestionDraft(new string('a', TextRules.EntryMaxLength + 1)));
        AssertRejectedUnchanged(session, command, RejectionCode.TextTooLong);
        var message = session.Execute(command, T0).Rejection!.Message;
        Assert.Contains("1.000", message.De, StringComparison.Ordinal);
        Assert.Contains("1,000", message.En, StringComparison.Ordinal);
        session.Ok(new AddContribution(Adviser1, new ClarifyingQuestionDraft(new string('a', TextRules.EntryMaxLength))), T0);
    }

    [Fact]
    public void Privacy_warning_rejects_until_the_author_confirms_to_keep_the_text()
    {
        var session = Running();
        var draft = new ClarifyingQuestionDraft("Ist Jürgen Müller unmotiviert?");
        var before = session.Json();

        var warned = session.Execute(new AddContribution(Adviser1, draft), T0.AddMinutes(1));

        Assert.Equal(RejectionCode.PrivacyWarning, warned.Rejection!.Code);
        Assert.Contains(warned.Rejection.Findings, f => f.Kind == Privacy.PrivacyFindingKind.PersonName && f.Field == "text");
        Assert.Contains(warned.Rejection.Findings, f => f.Kind == Privacy.PrivacyFindingKind.JudgementalWording);
        Assert.Equal(before, session.Json());

        session.Ok(new AddContribution(Adviser1, draft, ConfirmedDespiteWarnings: true), T0.AddMinutes(1));
        Assert.True(session.Contributions[0].KeptDespiteWarnings);
    }

    [Fact]
    public void Agreements_carry_hints_and_open_ones_are_reviewed_in_the_next_session_of_the_case()
    {
        var first = Running();
        foreach (var _ in Enumerable.Range(0, 4))
        {
            first.Ok(new AdvancePhase(Mod), T0.AddMinutes(10));
        }

        first.Ok(new RecordAgreement(Presenter, new AgreementDraft("Die Person bewirbt sich beim Pflegedienst.", AgreementOwner.Person, null, new DateOnly(2026, 12, 1))), T0.AddMinutes(11));
        first.Ok(new RecordAgreement(Keeper, new AgreementDraft("Kontakt zur Familienhilfe herstellen.", AgreementOwner.ThirdParty, null, null)), T0.AddMinutes(12));
        Assert.Equal([AgreementHint.MissingDueDate, AgreementHint.MissingAgency], first.Agreements[1].GetHints());
        Assert.Empty(first.Agreements[0].GetHints());
        first.Ok(new AdvancePhase(Mod), T0.AddMinutes(15));

        var otherCase = first.Agreements[0] with { Id = "x/a1", CaseReference = "Fall Birke-02" };
        var later = Running(earlier: [.. first.AgreementsToPersist(), otherCase]);
        Assert.Equal(2, later.EarlierAgreements.Count);
        Assert.All(later.EarlierAgreements, a => Assert.Equal(Case, a.CaseReference));

        later.Ok(new ReviewEarlierAgreement(Presenter, "s1/a1", AgreementStatus.Done), T0.AddMinutes(1));
        later.Ok(new ReviewEarlierAgreement(Presenter, "s1/a2", AgreementStatus.Dropped), T0.AddMinutes(1));
        AssertRejectedUnchanged(later, new ReviewEarlierAgreement(Adviser1, "s1/a1", AgreementStatus.Open), RejectionCode.RoleNotPermitted);
        Assert.Equal([AgreementStatus.Done, AgreementStatus.Dropped], later.AgreementsToPersist().Select(a => a.Status));
    }

    [Fact]
    public void A_removed_agreement_is_kept_as_dropped_and_left_out_of_the_protocol_and_cannot_be_removed_twice()
    {
        var session = Running();
        foreach (var _ in Enumerable.Range(0, 4))
        {
            session.Ok(new AdvancePhase(Mod), T0.AddMinutes(10));
        }

        session.Ok(new RecordAgreement(Presenter, new AgreementDraft("Die Person bewirbt sich beim Pflegedienst.", AgreementOwner.Person, null, new DateOnly(2026, 12, 1))), T0.AddMinutes(11));
        session.Ok(new RecordAgreement(Presenter, new AgreementDraft("Kontakt zur Familienhilfe herstellen.", AgreementOwner.ThirdParty, "Familienhilfe Süd", null)), T0.AddMinutes(12));
        AssertRejectedUnchanged(session, new RemoveAgreement(Adviser1, "s1/a1"), RejectionCode.RoleNotPermitted);

        var removed = session.Ok(new RemoveAgreement(Presenter, "s1/a1"), T0.AddMinutes(13));

        Assert.Contains(removed.Events, e => e.Kind == SessionEventKind.AgreementEdited);
        Assert.Equal([AgreementStatus.Dropped, AgreementStatus.Open], session.AgreementsToPersist().Select(a => a.Status));
        AssertRejectedUnchanged(session, new RemoveAgreement(Presenter, "s1/a1"), RejectionCode.AgreementNotFound);
        AssertRejectedUnchanged(session, new EditAgreement(Presenter, "s1/a1", new AgreementDraft("Doch wieder.", AgreementOwner.Person, null, null)), RejectionCode.AgreementNotFound);
        session.Ok(new AdvancePhase(Mod), T0.AddMinutes(15));
        var protocol = session.CurrentProtocol();
        Assert.Equal(["Kontakt zur Familienhilfe herstellen."], protocol.Agreements.Select(a => a.What));
    }

    [Fact]
    public void Extending_the_phase_takes_time_from_the_remaining_phases_unless_the_total_is_extended()
    {
        var session = Running();
        session.Ok(new AdjustCurrentPhase(Mod, Min(6)), T0.AddMinutes(5));
        var budget = session.GetTimeBudget(T0.AddMinutes(5));
        Assert.Equal(Min(40), budget.Total);
        Assert.Equal(Min(16), budget.Phases[0].Planned);
        Assert.Equal(Min(24), budget.Phases.Skip(1).Aggregate(TimeSpan.Zero, (s, p) => s + p.Planned));
        Assert.Equal(Min(4), budget.Phases[1].Planned);

        session.Ok(new ExtendTotal(Mod, Min(6), AddToCurrentPhase: false), T0.AddMinutes(6));
        budget = session.GetTimeBudget(T0.AddMinutes(6));
        Assert.Equal(Min(46), budget.Total);
        Assert.Equal(Min(5), budget.Phases[1].Planned);
        AssertRejectedUnchanged(session, new ExtendTotal(Mod, Min(10), AddToCurrentPhase: false), RejectionCode.InvalidDuration);
        AssertRejectedUnchanged(session, new AdjustCurrentPhase(Mod, Min(60)), RejectionCode.ExceedsTotal);
        AssertRejectedUnchanged(session, new AdjustCurrentPhase(Mod, Min(-15)), RejectionCode.InvalidDuration, T0.AddMinutes(7));
    }

    [Fact]
    public void Overrun_shrinks_the_remaining_phases_in_proportion()
    {
        var session = Running();
        var budget = session.GetTimeBudget(T0.AddMinutes(18));
        Assert.Equal(Min(18), budget.Consumed);

        // 22 minutes left for phases planned at 5/10/10/5 = 30 minutes: each gets 22/30 of its plan.
        Assert.Equal([220d, 440d, 440d, 220d], budget.Phases.Skip(1).Select(p => p.Planned.TotalSeconds));
        session.Ok(new AdvancePhase(Mod), T0.AddMinutes(18));
        Assert.Equal(TimeSpan.FromSeconds(220), session.Snapshot().Phases[1].Planned);
    }

    [Fact]
    public void Snapshot_round_trips_through_json_and_the_restored_session_continues()
    {
        var session = Running(MethodIds.Teamsitzung);
        session.Ok(new AdvancePhase(Mod), T0.AddMinutes(20));
        session.Ok(new AdvancePhase(Mod), T0.AddMinutes(60));
        session.Ok(new AddContribution(Adviser1, new StatementDraft("Kurzer Bericht.")), T0.AddMinutes(61));
        var json = session.Json();

        var restored = ConsultationSession.Restore(SessionSnapshotSerializer.Deserialize(json));

        Assert.Equal(json, restored.Json());
        Assert.Equal(session.NextDeadline(), restored.NextDeadline());
        Assert.Contains("\"status\":\"Running\"", json, StringComparison.Ordinal);
        restored.Ok(new AdvancePhase(Mod), T0.AddMinutes(75));
        Assert.Equal(session.Version + 1, restored.Version);
        Assert.Equal(SessionStatus.Completed, restored.Status);
    }

    [Theory]
    [InlineData(MethodIds.PartizipativeKollegialeBeratung)]
    [InlineData(MethodIds.Helferkonferenz)]
    public void The_persons_display_name_is_not_kept_once_the_role_is_assigned(string methodId)
    {
        var session = Prepared(methodId);

        Assert.DoesNotContain("Jürgen", session.Json(), StringComparison.Ordinal);
        Assert.Equal("Die Person", session.Participants.Single(p => p.Id == Person).DisplayName);
    }

    [Fact]
    public void Command_result_carries_the_new_state_or_the_unchanged_one()
    {
        var session = Running();
        var before = session.Snapshot();

        var rejected = session.Execute(new AdvancePhase(Adviser1), T0.AddMinutes(1));
        Assert.Same(before, rejected.State);

        var accepted = session.Execute(new AdvancePhase(Mod), T0.AddMinutes(1));
        Assert.Same(session.Snapshot(), accepted.State);
        Assert.Equal(1, accepted.State.CurrentPhaseIndex);
        Assert.Equal(SessionEventKind.PhaseChanged, Assert.Single(accepted.Events).Kind);
    }
}

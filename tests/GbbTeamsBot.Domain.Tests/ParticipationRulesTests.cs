using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Consent;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Participation;
using GbbTeamsBot.Domain.Sessions;
using static GbbTeamsBot.Domain.Tests.Fixtures;

namespace GbbTeamsBot.Domain.Tests;

/// <summary>Joining late, handing over, leaving, guests and the consent record with its withdrawal.</summary>
public sealed class ParticipationRulesTests
{
    [Theory]
    [InlineData("user", "t1", "t1", MemberOrigin.Staff)]
    [InlineData("guest", "t1", "t1", MemberOrigin.Guest)]
    [InlineData("anonymous", null, "t1", MemberOrigin.Guest)]
    [InlineData("user", "t2", "t1", MemberOrigin.OtherTenant)]
    [InlineData(null, null, "t1", MemberOrigin.Staff)]
    public void Teams_roster_data_gives_the_origin(string? userRole, string? memberTenant, string conversationTenant, MemberOrigin expected) =>
        Assert.Equal(expected, ParticipantRoles.Classify(userRole, memberTenant, conversationTenant));

    [Fact]
    public void A_member_Teams_does_not_know_is_unknown_and_counts_as_external()
    {
        var origin = ParticipantRoles.Classify("user", "t1", "t1", found: false);
        Assert.Equal(MemberOrigin.Unknown, origin);
        Assert.True(ParticipantRoles.IsExternal(origin));
    }

    [Fact]
    public void Late_joiner_gets_the_member_role_and_the_log_keeps_the_time()
    {
        var session = Running();
        var at = T0.AddMinutes(7);

        session.Ok(new JoinSession("late", "Lena Spät"), at);

        Assert.Equal(ParticipantRole.Adviser, session.RoleOf("late"));
        var change = session.Snapshot().ParticipationLog[^1];
        Assert.Equal(new ParticipationChange(ParticipationChangeKind.Joined, "late", ParticipantRole.Adviser, at) { DisplayName = "Lena Spät" }, change);
    }

    [Fact]
    public void The_moderator_hands_over_the_moderation_as_a_swap_and_can_then_leave()
    {
        var session = Running();

        session.Ok(new PassRole(Mod, Adviser1, ParticipantRole.Moderator), T0.AddMinutes(5));

        Assert.Equal(ParticipantRole.Moderator, session.RoleOf(Adviser1));
        Assert.Equal(ParticipantRole.Adviser, session.RoleOf(Mod));
        session.Ok(new LeaveSession(Mod), T0.AddMinutes(6));
        Assert.Null(session.RoleOf(Mod));
        Assert.Equal(ParticipationChangeKind.Left, session.Snapshot().ParticipationLog[^1].Kind);
    }

    [Fact]
    public void The_moderator_cannot_leave_without_handing_over_and_nobody_else_gives_the_moderation()
    {
        var session = Running();
        var before = session.Json();

        Assert.Equal(RejectionCode.InvalidHandOver, session.Execute(new LeaveSession(Mod), T0.AddMinutes(5)).Rejection!.Code);
        Assert.Equal(RejectionCode.InvalidHandOver, session.Execute(new LeaveSession(Presenter), T0.AddMinutes(5)).Rejection!.Code);
        Assert.Equal(RejectionCode.RoleNotPermitted, session.Execute(new PassRole(Adviser1, Adviser2, ParticipantRole.Moderator), T0.AddMinutes(5)).Rejection!.Code);
        Assert.Equal(before, session.Json());
    }

    [Fact]
    public void A_guest_gets_the_external_role_and_never_a_staff_role()
    {
        var session = Running(MethodIds.Helferkonferenz);
        session.Ok(new JoinSession("guest", "Frau Gast", IsExternal: true), T0.AddMinutes(3));
        Assert.Equal(ParticipantRole.ExternalProfessional, session.RoleOf("guest"));
        var before = session.Json();

        foreach (var role in ParticipantRoles.StaffRoles)
        {
            var refused = session.Execute(new PassRole(Mod, "guest", role), T0.AddMinutes(4));
            Assert.Equal(RejectionCode.RoleNotPermitted, refused.Rejection!.Code);
        }

        Assert.Equal(RejectionCode.RoleNotPermitted, session.Execute(new AssignRole(Mod, "guest", ParticipantRole.Adviser), T0.AddMinutes(4)).Rejection!.Code);
        Assert.Equal(before, session.Json());

        // An external role is fine: the moderator makes the guest the person's lifeworld supporter.
        session.Ok(new PassRole(Mod, "guest", ParticipantRole.LifeworldSupporter), T0.AddMinutes(5));
        Assert.Equal(ParticipantRole.LifeworldSupporter, session.RoleOf("guest"));
    }

    [Fact]
    public void Partizipative_KB_assigns_the_person_and_lifeworld_roles()
    {
        var session = Prepared(MethodIds.PartizipativeKollegialeBeratung);
        session.Ok(new JoinSession("nachbarin", "Nachbarin", IsExternal: true), T0);

        session.Ok(new PassRole(Mod, "nachbarin", ParticipantRole.LifeworldSupporter), T0);

        Assert.Equal(ParticipantRole.LifeworldSupporter, session.RoleOf("nachbarin"));
        Assert.Equal(ParticipantRole.PersonConcerned, session.RoleOf(Person));
        Assert.True(session.Method.PlainLanguage);
    }

    [Fact]
    public void The_consent_record_keeps_giver_purpose_participation_and_refuses_more_than_a_year()
    {
        var session = Prepared(MethodIds.Helferkonferenz, withConsent: false);
        var draft = ValidConsent() with { ValidUntil = T0.AddDays(400) };
        Assert.Equal(RejectionCode.ConsentInvalid, session.Execute(new RecordConsent(Mod, draft), T0).Rejection!.Code);

        session.Ok(new RecordConsent(Mod, ValidConsent() with { GivenBy = ConsentGiver.LegalRepresentative, Purpose = "Hilfen abstimmen", PersonTakesPart = true }), T0);

        var consent = session.Snapshot().Consent!;
        Assert.Equal(ConsentGiver.LegalRepresentative, consent.GivenBy);
        Assert.Equal("Hilfen abstimmen", consent.Purpose);
        Assert.True(consent.PersonTakesPart);
        Assert.Equal(["Jugendamt Nord", "Familienhilfe Süd"], consent.Agencies);
        Assert.Equal(ConsentState.Valid, consent.StateAt(T0));
    }

    [Fact]
    public void A_withdrawn_consent_pauses_the_session_blocks_resume_and_is_not_used_again()
    {
        var session = Running(MethodIds.Helferkonferenz);

        var withdrawn = session.Ok(new WithdrawConsent(Presenter), T0.AddMinutes(10));

        Assert.Contains(withdrawn.Events, e => e.Kind == SessionEventKind.ConsentWithdrawn);
        Assert.Equal(SessionStatus.Paused, session.Status);
        Assert.Equal(ConsentState.Withdrawn, session.Snapshot().Consent!.StateAt(T0.AddMinutes(11)));
        var before = session.Json();
        Assert.Equal(RejectionCode.ConsentWithdrawn, session.Execute(new ResumeSession(Mod), T0.AddMinutes(11)).Rejection!.Code);
        Assert.Equal(RejectionCode.ConsentWithdrawn, session.Execute(new RecordConsent(Mod, ValidConsent()), T0.AddMinutes(11)).Rejection!.Code);
        Assert.Equal(RejectionCode.ConsentWithdrawn, session.Execute(new WithdrawConsent(Mod), T0.AddMinutes(11)).Rejection!.Code);
        Assert.Equal(before, session.Json());

        // The moderator can still end it, so the protocol records what happened.
        session.Ok(new FinishSession(Mod), T0.AddMinutes(12));
        Assert.Equal(SessionStatus.Completed, session.Status);
    }

    [Fact]
    public void A_prepared_Helferkonferenz_with_a_withdrawn_consent_cannot_start()
    {
        var session = Prepared(MethodIds.Helferkonferenz);
        session.Ok(new WithdrawConsent(Mod), T0);

        var start = session.Execute(new StartSession(Mod), T0.AddMinutes(1));

        Assert.Equal(RejectionCode.ConsentWithdrawn, start.Rejection!.Code);
        Assert.Equal(SessionStatus.Prepared, session.Status);
    }

    [Fact]
    public void Only_the_moderator_or_the_case_presenter_documents_a_withdrawal()
    {
        var session = Running(MethodIds.Helferkonferenz);
        Assert.Equal(RejectionCode.RoleNotPermitted, session.Execute(new WithdrawConsent(External), T0.AddMinutes(2)).Rejection!.Code);
        Assert.Equal(SessionStatus.Running, session.Status);
    }

    [Fact]
    public void The_protocol_lists_late_joins_hand_overs_and_leaves_with_the_time_and_the_consent_state()
    {
        var session = Running(MethodIds.Helferkonferenz);
        session.Ok(new JoinSession("late", "Lena Spät"), T0.AddMinutes(7));
        session.Ok(new JoinSession("guest", "Frau Gast", IsExternal: true), T0.AddMinutes(8));
        session.Ok(new PassRole(Mod, "late", ParticipantRole.ProtocolKeeper), T0.AddMinutes(9));
        session.Ok(new LeaveSession("guest"), T0.AddMinutes(11));
        session.Ok(new WithdrawConsent(Mod), T0.AddMinutes(12));

        var markdown = Protocol.MarkdownProtocolRenderer.Render(session.CurrentProtocol());

        Assert.Contains("Teilnahme im Verlauf", markdown, StringComparison.Ordinal);
        Assert.Contains("09:07 Lena Spät beigetreten als Beratende", markdown, StringComparison.Ordinal);
        Assert.Contains("09:08 beigetreten als", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Frau Gast", markdown, StringComparison.Ordinal);
        Assert.Contains("hat verlassen", markdown, StringComparison.Ordinal);
        Assert.Contains("**Einwilligung:** widerrufen am", markdown, StringComparison.Ordinal);
        Assert.Contains("Jugendamt Nord, Familienhilfe Süd", markdown, StringComparison.Ordinal);
    }
}

using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Domain.Teams;
using static GbbTeamsBot.Domain.Tests.Fixtures;

namespace GbbTeamsBot.Domain.Tests;

/// <summary>Rules behind "a meeting that flows": team settings, one running session per case, late entries.</summary>
public sealed class MeetingFlowRulesTests
{
    [Fact]
    public void Team_settings_default_to_German_and_Europe_Berlin()
    {
        Assert.Equal(Language.German, TeamSettings.Default.Language);
        Assert.Equal("Europe/Berlin", TeamSettings.Default.TimeZoneId);
    }

    [Fact]
    public void A_moderator_changes_the_team_language_and_time_zone_and_others_are_refused_with_nothing_changed()
    {
        var change = new TeamSettingsChange { Language = Language.English, TimeZoneId = "Europe/Vienna" };

        var changed = TeamSettings.Default.Change(change, new TeamSettingsActor("mod") { IsModerator = true }, T0);
        var refused = TeamSettings.Default.Change(change, new TeamSettingsActor("adv"), T0);
        var guest = TeamSettings.Default.Change(change, new TeamSettingsActor("guest") { IsExternal = true, TeamHasNoSessions = true }, T0);

        Assert.True(changed.IsSuccess);
        Assert.Equal(Language.English, changed.Value!.Language);
        Assert.Equal("Europe/Vienna", changed.Value.TimeZoneId);
        Assert.Equal(RejectionCode.SettingsNotPermitted, refused.Rejection!.Code);
        Assert.Equal(RejectionCode.SettingsNotPermitted, guest.Rejection!.Code);
        Assert.True(TeamSettings.Default.Change(change, new TeamSettingsActor("first") { TeamHasNoSessions = true }, T0).IsSuccess);
    }

    [Fact]
    public void A_time_zone_that_is_not_offered_is_refused()
    {
        var result = TeamSettings.Default.Change(new TeamSettingsChange { TimeZoneId = "Mars/Olympus" }, new TeamSettingsActor("mod") { IsModerator = true }, T0);

        Assert.Equal(RejectionCode.InvalidSetting, result.Rejection!.Code);
    }

    [Fact]
    public void A_session_keeps_the_language_and_time_zone_it_was_set_up_with()
    {
        var setup = new SessionSetup("s9", "tenant-a", "team-nord", MethodIds.KollegialeBeratung, Mod, "Mona Moderation")
        {
            CaseReference = Case,
            Language = Language.English,
            TimeZoneId = "Europe/London",
        };

        var snapshot = ConsultationSession.Create(setup, T0).GetValueOrThrow().Snapshot();
        var restored = SessionSnapshotSerializer.Deserialize(SessionSnapshotSerializer.Serialize(snapshot));

        Assert.Equal(Language.English, restored.Language);
        Assert.Equal("Europe/London", restored.TimeZoneId);
    }

    [Fact]
    public void A_second_running_session_for_the_same_case_is_found_and_finished_or_prepared_ones_do_not_block()
    {
        TeamSessionFacts[] team =
        [
            new("done", "Ahorn-07", SessionStatus.Completed),
            new("prepared", "Birke-12", SessionStatus.Prepared),
            new("running", "Ahorn-07", SessionStatus.Running),
        ];

        Assert.Equal("running", CaseRules.RunningSessionFor("Ahorn-07", team)?.SessionId);
        Assert.Equal("running", CaseRules.RunningSessionFor("ahorn-07", team)?.SessionId);
        Assert.Null(CaseRules.RunningSessionFor("Birke-12", team));
        Assert.Null(CaseRules.RunningSessionFor(null, team));
    }

    [Fact]
    public void A_question_typed_in_phase_one_and_sent_after_the_moderator_moved_on_is_stored_in_phase_one()
    {
        var session = Running();
        session.Ok(new AdvancePhase(Mod), T0.AddMinutes(5));

        var late = session.Execute(new AddContribution(Adviser1, SampleDraft(ContributionKind.ClarifyingQuestion)) { CardPhaseIndex = 0 }, T0.AddMinutes(6));
        var withoutCardPhase = session.Execute(new AddContribution(Adviser1, SampleDraft(ContributionKind.ClarifyingQuestion)), T0.AddMinutes(6));

        Assert.True(late.IsAccepted, late.Rejection?.ToString());
        Assert.Equal(0, late.State.Contributions[^1].PhaseIndex);
        Assert.Equal(RejectionCode.ActivityNotInPhase, withoutCardPhase.Rejection!.Code);
    }
}

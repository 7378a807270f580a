using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Teams;

namespace GbbTeamsBot.Domain.Tests;

/// <summary>The team's Microsoft 365 switches: off by default, checked before they are stored, only for those who may.</summary>
public sealed class GraphFeaturesTests
{
    private static readonly DateTimeOffset Now = new(2031, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TeamSettingsActor Moderator = new("29:a") { IsModerator = true };

    [Fact]
    public void Every_feature_is_off_by_default_also_for_settings_stored_before_Graph_existed()
    {
        Assert.False(TeamSettings.Default.Graph.Any);
        var old = System.Text.Json.JsonSerializer.Deserialize<TeamSettings>("{\"timeZoneId\":\"Europe/Berlin\"}", new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
        Assert.False(old.Graph.Any);
    }

    [Fact]
    public void Planner_needs_a_plan_id_and_files_need_the_team_channel_otherwise_nothing_changes()
    {
        var noPlan = TeamSettings.Default.Change(new TeamSettingsChange { Graph = new() { Planner = true } }, Moderator, Now);
        Assert.Equal(RejectionCode.InvalidSetting, noPlan.Rejection!.Code);
        var badPlan = TeamSettings.Default.Change(new TeamSettingsChange { Graph = new() { Planner = true, PlanId = "plan id; drop" } }, Moderator, Now);
        Assert.Contains("Plan-ID", badPlan.Rejection!.Message.De, StringComparison.Ordinal);
        var noChannel = TeamSettings.Default.Change(new TeamSettingsChange { Graph = new() { Files = true } }, Moderator, Now);
        Assert.Contains("Team-Kanal", noChannel.Rejection!.Message.De, StringComparison.Ordinal);

        var on = TeamSettings.Default.Change(new TeamSettingsChange { Graph = new() { Calendar = true, Planner = true, PlanId = " xqQg5FS2LkCp935s-FIFm2QAFkHM ", Files = true, GroupId = "g", FilesChannelId = "19:c@thread.tacv2" } }, Moderator, Now);
        Assert.True(on.IsSuccess);
        Assert.Equal("xqQg5FS2LkCp935s-FIFm2QAFkHM", on.Value!.Graph.PlanId);
        Assert.True(on.Value.Graph.Calendar && on.Value.Graph.Planner && on.Value.Graph.Files);

        var off = on.Value.Change(new TeamSettingsChange { Graph = new() { Planner = false, PlanId = string.Empty } }, Moderator, Now);
        Assert.False(off.Value!.Graph.Planner);
        Assert.Null(off.Value.Graph.PlanId);
        Assert.True(off.Value.Graph.Calendar);
    }

    [Fact]
    public void A_guest_cannot_turn_Graph_on()
    {
        var guest = new TeamSettingsActor("29:g") { IsExternal = true, TeamHasNoSessions = true };
        var refused = TeamSettings.Default.Change(new TeamSettingsChange { Graph = new() { Calendar = true } }, guest, Now);
        Assert.False(refused.IsSuccess);
    }
}

/// <summary>Whom the next meeting may invite.</summary>
public sealed class NextMeetingRulesTests
{
    private static readonly DateTimeOffset Start = new(2031, 3, 4, 9, 0, 0, TimeSpan.Zero);

    private static GbbTeamsBot.Domain.Consent.ConsentRecord Consent(DateTimeOffset validUntil, params string[] agencies) => new()
    {
        ConfirmedById = "29:a",
        ConfirmedAt = Start.AddDays(-10),
        GivenAt = Start.AddDays(-10),
        ValidUntil = validUntil,
        Agencies = agencies,
    };

    [Fact]
    public void Colleagues_of_the_organisers_domain_may_always_be_invited()
    {
        Assert.Null(GbbTeamsBot.Domain.Sessions.NextMeetingRules.CheckInvitees(["a@jc.example", "B@JC.example"], "me@jc.example", false, null, Start));
    }

    [Fact]
    public void External_addresses_only_to_a_Helferkonferenz_with_a_consent_naming_agencies_valid_at_the_start()
    {
        string[] invitees = ["a@jc.example", "b@jugendamt.example"];
        Assert.Equal(RejectionCode.InvalidSetting, GbbTeamsBot.Domain.Sessions.NextMeetingRules.CheckInvitees(invitees, "me@jc.example", false, null, Start)!.Code);
        Assert.Equal(RejectionCode.ConsentMissing, GbbTeamsBot.Domain.Sessions.NextMeetingRules.CheckInvitees(invitees, "me@jc.example", true, null, Start)!.Code);
        Assert.NotNull(GbbTeamsBot.Domain.Sessions.NextMeetingRules.CheckInvitees(invitees, "me@jc.example", true, Consent(Start.AddMinutes(-1), "Jugendamt"), Start));
        Assert.NotNull(GbbTeamsBot.Domain.Sessions.NextMeetingRules.CheckInvitees(invitees, "me@jc.example", true, Consent(Start.AddDays(30)), Start));
        Assert.Null(GbbTeamsBot.Domain.Sessions.NextMeetingRules.CheckInvitees(invitees, "me@jc.example", true, Consent(Start.AddDays(30), "Jugendamt"), Start));
        // Without the organiser's address nobody counts as a colleague.
        Assert.NotNull(GbbTeamsBot.Domain.Sessions.NextMeetingRules.CheckInvitees(["a@jc.example"], null, false, null, Start));
    }
}

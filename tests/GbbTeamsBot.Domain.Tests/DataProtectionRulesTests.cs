using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.DataProtection;
using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Domain.Tests;

public sealed class DataProtectionRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_moderator_of_an_ended_session_of_the_case_may_delete_it()
    {
        Assert.Null(CaseDeletionRules.Check(Fixtures.Mod, [Ended(), Ended()], actorIsAdministrator: false));
    }

    [Fact]
    public void A_colleague_who_never_moderated_the_case_may_not_unless_an_administrator()
    {
        var refusal = CaseDeletionRules.Check(Fixtures.Adviser1, [Ended()], actorIsAdministrator: false);

        Assert.Equal(RejectionCode.RoleNotPermitted, refusal?.Code);
        Assert.Null(CaseDeletionRules.Check(Fixtures.Adviser1, [Ended()], actorIsAdministrator: true));
    }

    [Theory]
    [InlineData(SessionStatus.Prepared)]
    [InlineData(SessionStatus.Running)]
    [InlineData(SessionStatus.Paused)]
    public void Nobody_deletes_while_a_session_of_the_case_is_open(SessionStatus open)
    {
        var refusal = CaseDeletionRules.Check(Fixtures.Mod, [Ended(), Ended() with { Status = open }], actorIsAdministrator: true);

        Assert.Equal(RejectionCode.InvalidInState, refusal?.Code);
        Assert.Contains("Beenden", refusal!.Message.De, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(24, true)]
    [InlineData(120, true)]
    [InlineData(121, false)]
    public void Retention_periods_are_one_to_120_months(int months, bool valid)
    {
        var policy = RetentionPolicy.Create(months);

        Assert.Equal(valid, policy.IsSuccess);
        if (valid)
        {
            Assert.Equal(Now.AddMonths(-months), policy.Value!.EndedSessionCutoff(Now));
        }
        else
        {
            Assert.Equal(RejectionCode.InvalidRetention, policy.Rejection!.Code);
        }
    }

    [Fact]
    public void The_default_keeps_ended_sessions_24_months()
    {
        Assert.Equal(new DateTimeOffset(2024, 12, 2, 9, 0, 0, TimeSpan.Zero), RetentionPolicy.Default.EndedSessionCutoff(Now));
    }

    /// <summary>An ended Kollegiale Beratung moderated by <see cref="Fixtures.Mod"/>, with the adviser <see cref="Fixtures.Adviser1"/>.</summary>
    private static SessionSnapshot Ended() => Fixtures.Running().Snapshot() with { Status = SessionStatus.Completed };
}

public sealed class TeamRetentionSettingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly Domain.Teams.TeamSettingsActor Moderator = new("29:mod") { IsModerator = true };

    [Fact]
    public void A_team_may_keep_ended_sessions_shorter_or_longer_than_the_default_and_go_back_to_it()
    {
        var shorter = Domain.Teams.TeamSettings.Default.Change(new() { Retention = new(6) }, Moderator, Now).GetValueOrThrow();
        var back = shorter.Change(new() { Retention = new(null) }, Moderator, Now).GetValueOrThrow();
        var untouched = shorter.Change(new() { TimeZoneId = "UTC" }, Moderator, Now).GetValueOrThrow();

        Assert.Equal(Now.AddMonths(-6), shorter.Retention(RetentionPolicy.Default).EndedSessionCutoff(Now));
        Assert.Equal(RetentionPolicy.Default, back.Retention(RetentionPolicy.Default));
        Assert.Equal(6, untouched.RetentionMonths);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(121)]
    public void A_period_outside_one_to_120_months_is_refused_and_nothing_changes(int months)
    {
        var outcome = Domain.Teams.TeamSettings.Default.Change(new() { Retention = new(months) }, Moderator, Now);

        Assert.Equal(RejectionCode.InvalidRetention, outcome.Rejection?.Code);
        Assert.Null(Domain.Teams.TeamSettings.Default.RetentionMonths);
    }
}

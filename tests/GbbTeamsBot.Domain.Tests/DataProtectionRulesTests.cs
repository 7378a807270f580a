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

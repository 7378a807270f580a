using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using static GbbTeamsBot.Domain.Tests.Fixtures;

namespace GbbTeamsBot.Domain.Tests;

/// <summary>"Weiter" and "Beenden" on the live card: the domain decides what they mean in the session's state.</summary>
public sealed class CardButtonCommandTests
{
    [Fact]
    public void Next_on_a_prepared_session_starts_it()
    {
        var session = Prepared();

        session.Ok(new NextStep(Mod), T0);

        Assert.Equal(SessionStatus.Running, session.Status);
        Assert.Equal(0, session.CurrentPhaseIndex);
    }

    [Fact]
    public void Next_on_a_running_session_moves_one_phase_and_on_the_last_phase_ends_regularly()
    {
        var session = Running();
        var phases = session.Method.Phases.Count;

        for (var i = 1; i < phases; i++)
        {
            session.Ok(new NextStep(Mod), T0.AddMinutes(5 * i));
            Assert.Equal(i, session.CurrentPhaseIndex);
        }

        session.Ok(new NextStep(Mod), T0.AddMinutes(5 * phases));
        Assert.Equal(SessionStatus.Completed, session.Status);
        Assert.False(session.Snapshot().EndedEarly);
    }

    [Fact]
    public void Next_in_the_Sozialraum_Runde_ends_the_round_in_one_step_with_every_phase_done()
    {
        var session = Running(MethodIds.SozialraumRunde);

        var result = session.Ok(new NextStep(Mod), T0.AddMinutes(12));

        Assert.Equal(SessionStatus.Completed, session.Status);
        Assert.False(session.Snapshot().EndedEarly);
        Assert.Equal(session.Version, result.Version);
        Assert.Contains(result.Events, e => e.Kind == SessionEventKind.Completed);
    }

    [Fact]
    public void Finish_before_the_last_phase_is_an_early_end_and_on_the_last_phase_a_regular_one()
    {
        var early = Running();
        early.Ok(new FinishSession(Mod), T0.AddMinutes(3));
        Assert.Equal(SessionStatus.Completed, early.Status);
        Assert.True(early.Snapshot().EndedEarly);

        var regular = Running();
        for (var i = 1; i < regular.Method.Phases.Count; i++)
        {
            regular.Ok(new AdvancePhase(Mod), T0.AddMinutes(5 * i));
        }

        regular.Ok(new FinishSession(Mod), T0.AddMinutes(40));
        Assert.False(regular.Snapshot().EndedEarly);
    }

    [Fact]
    public void Next_and_finish_by_someone_who_does_not_moderate_are_refused_and_change_nothing()
    {
        var session = Running();
        var before = session.Json();

        var next = session.Execute(new NextStep(Adviser1), T0.AddMinutes(1));
        var finish = session.Execute(new FinishSession(Adviser1), T0.AddMinutes(1));

        Assert.Equal(RejectionCode.RoleNotPermitted, next.Rejection?.Code);
        Assert.Equal(RejectionCode.RoleNotPermitted, finish.Rejection?.Code);
        Assert.Equal(before, session.Json());
    }
}

using GbbTeamsBot.Domain.Deadlines;
using GbbTeamsBot.Domain.Sessions;
using static GbbTeamsBot.Domain.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace GbbTeamsBot.Domain.Tests;

public sealed class DeadlineTests
{
    [Fact]
    public void Running_phase_has_a_warning_one_minute_before_its_end_then_the_end()
    {
        var clock = new FakeTimeProvider(T0);
        var session = Running();

        var warning = session.NextDeadline()!;
        Assert.Equal(DeadlineKind.PhaseWarning, warning.Kind);
        Assert.Equal(T0.AddMinutes(9), warning.DueAt);

        clock.AdvanceMinutes(9);
        var fired = session.FireDeadline(warning.Token, clock.Now);
        Assert.Equal(DeadlineFireOutcome.Fired, fired.Outcome);
        Assert.False(fired.Late);
        Assert.Equal(SessionEventKind.PhaseWarning, Assert.Single(fired.Events).Kind);

        var end = session.NextDeadline()!;
        Assert.Equal(DeadlineKind.PhaseEnd, end.Kind);
        Assert.Equal(T0.AddMinutes(10), end.DueAt);
    }

    [Fact]
    public void Firing_before_the_due_instant_is_ignored_without_a_version_change()
    {
        var session = Running();
        var deadline = session.NextDeadline()!;
        var before = session.Json();

        var result = session.FireDeadline(deadline.Token, deadline.DueAt.AddSeconds(-1));

        Assert.Equal(DeadlineFireOutcome.IgnoredNotDue, result.Outcome);
        Assert.Equal(before, session.Json());
    }

    [Fact]
    public void Stale_token_after_the_moderator_extends_the_phase_is_ignored_and_changes_nothing()
    {
        var clock = new FakeTimeProvider(T0);
        var session = Running();
        var old = session.NextDeadline()!;
        clock.AdvanceMinutes(5);
        session.Ok(new AdjustCurrentPhase(Mod, Min(3)), clock.Now);
        var before = session.Json();
        var version = session.Version;

        clock.AdvanceMinutes(5);
        var result = session.FireDeadline(old.Token, clock.Now);

        Assert.Equal(DeadlineFireOutcome.IgnoredStale, result.Outcome);
        Assert.Equal(version, session.Version);
        Assert.Equal(before, session.Json());
        Assert.Equal(T0.AddMinutes(12), session.NextDeadline()!.DueAt);
    }

    [Fact]
    public void A_token_fires_once_only()
    {
        var session = Running();
        var deadline = session.NextDeadline()!;
        Assert.True(session.FireDeadline(deadline.Token, deadline.DueAt).Fired);
        var version = session.Version;

        var again = session.FireDeadline(deadline.Token, deadline.DueAt.AddSeconds(5));

        Assert.Equal(DeadlineFireOutcome.IgnoredStale, again.Outcome);
        Assert.Equal(version, session.Version);
    }

    [Fact]
    public void Phase_end_marks_the_phase_overdue_and_notifies_without_advancing()
    {
        var session = Running();
        FireUntil(session, T0.AddMinutes(10));

        var snapshot = session.Snapshot();
        Assert.Equal(0, snapshot.CurrentPhaseIndex);
        Assert.True(snapshot.Phases[0].Overdue);
        Assert.Equal(SessionStatus.Running, session.Status);
        Assert.Contains(snapshot.DeadlineLog, d => d.Kind == DeadlineKind.PhaseEnd && !d.Late);
    }

    [Fact]
    public void With_auto_advance_the_phase_end_moves_to_the_next_phase()
    {
        var session = Running(options: new SessionOptions { AutoAdvance = true });
        var fired = FireUntil(session, T0.AddMinutes(10));

        Assert.Equal(1, session.CurrentPhaseIndex);
        Assert.Contains(fired.SelectMany(f => f.Events), e => e.Kind == SessionEventKind.AutoAdvanced);
        Assert.Equal(T0.AddMinutes(14), session.NextDeadline()!.DueAt);
    }

    [Fact]
    public void Restart_mid_phase_fires_missed_deadlines_once_each_marked_late()
    {
        var session = Running();
        var stored = SessionSnapshotSerializer.Serialize(session.Snapshot());
        var oldToken = session.NextDeadline()!.Token;

        // The host was down from minute 2 to minute 12; a new instance restores the session and scans.
        var restarted = ConsultationSession.Restore(SessionSnapshotSerializer.Deserialize(stored));
        var fired = FireUntil(restarted, T0.AddMinutes(12));

        Assert.Equal([DeadlineKind.PhaseWarning, DeadlineKind.PhaseEnd], fired.Select(f => f.Deadline!.Kind));
        Assert.All(fired, f => Assert.True(f.Late));
        Assert.True(fired[0].Events[0].Superseded);
        Assert.False(fired[1].Events[0].Superseded);
        Assert.Equal(2, restarted.Snapshot().DeadlineLog.Count);
        Assert.Equal(DeadlineFireOutcome.IgnoredStale, restarted.FireDeadline(oldToken, T0.AddMinutes(12)).Outcome);
        Assert.Empty(FireUntil(restarted, T0.AddMinutes(12)));
    }

    [Fact]
    public void Session_end_warning_comes_five_minutes_before_the_planned_end()
    {
        var clock = new FakeTimeProvider(T0);
        var session = Running();
        var minutes = new[] { 10, 5, 10, 10 };
        foreach (var m in minutes)
        {
            clock.AdvanceMinutes(m);
            session.Ok(new AdvancePhase(Mod), clock.Now);
        }

        var fired = FireUntil(session, T0.AddMinutes(35));

        var warning = Assert.Single(fired, f => f.Deadline!.Kind == DeadlineKind.SessionEndWarning);
        Assert.Equal(T0.AddMinutes(35), warning.Deadline!.DueAt);
        Assert.False(warning.Late);
    }

    [Fact]
    public void Pausing_removes_the_deadline_and_resuming_shifts_it_by_the_pause()
    {
        var clock = new FakeTimeProvider(T0);
        var session = Running();
        clock.AdvanceMinutes(4);
        session.Ok(new PauseSession(Mod), clock.Now);
        Assert.Null(session.NextDeadline());

        clock.AdvanceMinutes(7);
        session.Ok(new ResumeSession(Mod), clock.Now);

        Assert.Equal(T0.AddMinutes(16), session.NextDeadline()!.DueAt);
    }

    /// <summary>What the hosted scanner does: fire whatever is due at <paramref name="now"/>, one by one.</summary>
    private static List<DeadlineFireResult> FireUntil(ConsultationSession session, DateTimeOffset now)
    {
        var fired = new List<DeadlineFireResult>();
        while (session.NextDeadline() is { } deadline && deadline.DueAt <= now)
        {
            var result = session.FireDeadline(deadline.Token, now);
            Assert.True(result.Fired);
            fired.Add(result);
        }

        return fired;
    }
}

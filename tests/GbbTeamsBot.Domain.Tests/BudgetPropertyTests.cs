using System.Globalization;
using System.Text;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using static GbbTeamsBot.Domain.Tests.Fixtures;

namespace GbbTeamsBot.Domain.Tests;

/// <summary>
/// A small seeded property runner (FsCheck is not available): thousands of random phase plans, overruns, pauses,
/// adjustments and extensions. On failure it prints the seed and the steps that led there.
/// </summary>
public sealed class BudgetPropertyTests
{
    private const int Cases = 2_000;
    private const int StepsPerCase = 40;

    [Fact]
    public void Remaining_planned_time_never_exceeds_the_total_unless_extended()
    {
        for (var seed = 1; seed <= Cases; seed++)
        {
            RunCase(seed);
        }
    }

    private static void RunCase(int seed)
    {
        var random = new Random(seed);
        var log = new StringBuilder();
        var methods = new[] { MethodIds.KollegialeBeratung, MethodIds.PartizipativeKollegialeBeratung, MethodIds.Helferkonferenz, MethodIds.SozialraumRunde, MethodIds.Sozialraumvorhaben, MethodIds.Teamsitzung };
        var methodId = methods[random.Next(methods.Length)];
        var session = Prepared(methodId);
        log.Append("method ").AppendLine(methodId);

        // A random plan within the method's allowed total (when one fits).
        var count = session.Method.Phases.Count;
        var durations = Enumerable.Range(0, count).Select(_ => TimeSpan.FromMinutes(random.Next(1, 25))).ToList();
        var plan = session.Execute(new SetPhasePlan(Mod, durations), T0.AddMinutes(-1));
        log.Append("plan ").Append(string.Join(",", durations.Select(d => d.TotalMinutes))).Append(" accepted=").AppendLine(plan.IsAccepted.ToString());

        var clock = new FakeClock(T0);
        session.Ok(new StartSession(Mod), clock.Now);
        var expectedTotal = session.Snapshot().Total;

        for (var step = 0; step < StepsPerCase && session.Status is SessionStatus.Running or SessionStatus.Paused; step++)
        {
            clock.Advance(TimeSpan.FromSeconds(random.Next(0, 15 * 60)));
            var op = random.Next(9);
            SessionCommand? command = op switch
            {
                0 or 1 => new AdvancePhase(Mod),
                2 => new ReturnToPreviousPhase(Mod),
                3 => new AdjustCurrentPhase(Mod, TimeSpan.FromMinutes(random.Next(-10, 11))),
                4 => new ExtendTotal(Mod, TimeSpan.FromMinutes(random.Next(1, 11)), random.Next(2) == 0),
                5 => session.Status == SessionStatus.Running ? new PauseSession(Mod) : new ResumeSession(Mod),
                _ => null,
            };

            if (command is null)
            {
                var deadline = session.NextDeadline();
                var fired = deadline is null ? null : session.FireDeadline(deadline.Token, clock.Now);
                log.Append(Stamp(clock)).Append(" fire ").Append(deadline?.Kind.ToString() ?? "-").Append(' ').AppendLine(fired?.Outcome.ToString() ?? "-");
            }
            else
            {
                var result = session.Execute(command, clock.Now);
                log.Append(Stamp(clock)).Append(' ').Append(command).Append(" -> ").AppendLine(result.Rejection?.Code.ToString() ?? "ok");
                if (result.IsAccepted && command is ExtendTotal extend)
                {
                    expectedTotal += extend.Delta;
                }
            }

            Check(session, clock.Now, expectedTotal, seed, log);

            // Look a little ahead too: overruns between commands must not break the budget either.
            Check(session, clock.Now + TimeSpan.FromSeconds(random.Next(0, 20 * 60)), expectedTotal, seed, log);
        }
    }

    private static void Check(ConsultationSession session, DateTimeOffset at, TimeSpan expectedTotal, int seed, StringBuilder log)
    {
        var snapshot = session.Snapshot();
        Assert.True(snapshot.Total == expectedTotal, Fail(seed, log, $"total changed without an extension: {snapshot.Total} vs {expectedTotal}"));
        if (session.Status is not (SessionStatus.Running or SessionStatus.Paused))
        {
            return;
        }

        var budget = session.GetTimeBudget(at);
        var current = snapshot.CurrentPhaseIndex;
        var room = budget.Total - budget.Consumed;
        if (room < TimeSpan.Zero)
        {
            room = TimeSpan.Zero;
        }

        var remaining = budget.Phases
            .Where(p => p.Index >= current && p.State != PhaseRunState.Skipped)
            .Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Remaining);
        Assert.True(
            remaining <= room,
            Fail(seed, log, $"at {at:HH:mm:ss}: remaining planned {remaining} exceeds room {room} (total {budget.Total}, consumed {budget.Consumed})"));

        foreach (var phase in budget.Phases.Where(p => p.Index > current))
        {
            Assert.True(
                phase.Planned <= (phase.Baseline > phase.Actual ? phase.Baseline : phase.Actual),
                Fail(seed, log, $"phase {phase.Index} planned {phase.Planned} above its baseline {phase.Baseline}"));
        }
    }

    private static string Stamp(FakeClock clock) => (clock.Now - T0).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);

    private static string Fail(int seed, StringBuilder log, string message) =>
        $"Property failed for seed {seed}: {message}\n{log}";
}

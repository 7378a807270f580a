using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using static GbbTeamsBot.Domain.Tests.Fixtures;

namespace GbbTeamsBot.Domain.Tests;

/// <summary>
/// FsCheck properties over random phase plans, overruns, pauses, adjustments and extensions. A failure is shrunk to
/// the fewest steps that still break the budget and printed as the counterexample.
/// </summary>
public sealed class BudgetPropertyTests
{
    [Property(MaxTest = 2_000, Arbitrary = [typeof(BudgetScenarios)])]
    public void Remaining_planned_time_never_exceeds_the_total_unless_extended(BudgetScenario scenario)
    {
        var session = Prepared(scenario.MethodId);
        session.Execute(new SetPhasePlan(Mod, scenario.PhaseMinutes.Select(m => TimeSpan.FromMinutes(m)).ToList()), T0.AddMinutes(-1));

        var now = T0;
        session.Ok(new StartSession(Mod), now);
        var expectedTotal = session.Snapshot().Total;

        foreach (var step in scenario.Steps)
        {
            if (session.Status is not (SessionStatus.Running or SessionStatus.Paused))
            {
                break;
            }

            now += TimeSpan.FromSeconds(step.AdvanceSeconds);
            SessionCommand? command = step.Operation switch
            {
                0 or 1 => new AdvancePhase(Mod),
                2 => new ReturnToPreviousPhase(Mod),
                3 => new AdjustCurrentPhase(Mod, TimeSpan.FromMinutes(step.AdjustMinutes)),
                4 => new ExtendTotal(Mod, TimeSpan.FromMinutes(step.ExtendMinutes), step.ExtendFromCurrentPhase),
                5 => session.Status == SessionStatus.Running ? new PauseSession(Mod) : new ResumeSession(Mod),
                _ => null,
            };

            if (command is null)
            {
                var deadline = session.NextDeadline();
                if (deadline is not null)
                {
                    session.FireDeadline(deadline.Token, now);
                }
            }
            else if (session.Execute(command, now).IsAccepted && command is ExtendTotal extend)
            {
                expectedTotal += extend.Delta;
            }

            Check(session, now, expectedTotal);

            // Look a little ahead too: overruns between commands must not break the budget either.
            Check(session, now + TimeSpan.FromSeconds(step.LookAheadSeconds), expectedTotal);
        }
    }

    private static void Check(ConsultationSession session, DateTimeOffset at, TimeSpan expectedTotal)
    {
        var snapshot = session.Snapshot();
        Assert.True(snapshot.Total == expectedTotal, $"total changed without an extension: {snapshot.Total} vs {expectedTotal}");
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
            $"at {at:HH:mm:ss}: remaining planned {remaining} exceeds room {room} (total {budget.Total}, consumed {budget.Consumed})");

        foreach (var phase in budget.Phases.Where(p => p.Index > current))
        {
            Assert.True(
                phase.Planned <= (phase.Baseline > phase.Actual ? phase.Baseline : phase.Actual),
                $"phase {phase.Index} planned {phase.Planned} above its baseline {phase.Baseline}");
        }
    }
}

/// <summary>One random run: a method, a phase plan (in minutes) and what happens, step by step.</summary>
public sealed record BudgetScenario(string MethodId, int[] PhaseMinutes, BudgetStep[] Steps)
{
    public override string ToString() =>
        $"{MethodId}, plan [{string.Join(", ", PhaseMinutes)}] min, steps:\n  {string.Join("\n  ", Steps.Select(s => s.ToString()))}";
}

/// <summary>Time passes, then one command (0-1 next, 2 back, 3 adjust, 4 extend, 5 pause/resume, else a deadline fires).</summary>
public sealed record BudgetStep(int AdvanceSeconds, int Operation, int AdjustMinutes, int ExtendMinutes, bool ExtendFromCurrentPhase, int LookAheadSeconds);

public static class BudgetScenarios
{
    private static readonly string[] Methods =
    [
        MethodIds.KollegialeBeratung, MethodIds.PartizipativeKollegialeBeratung, MethodIds.Helferkonferenz,
        MethodIds.SozialraumRunde, MethodIds.Sozialraumvorhaben, MethodIds.Teamsitzung,
    ];

    public static Arbitrary<BudgetScenario> Scenario()
    {
        var step =
            from advance in Gen.Choose(0, 15 * 60)
            from operation in Gen.Choose(0, 8)
            from adjust in Gen.Choose(-10, 10)
            from extend in Gen.Choose(1, 10)
            from fromCurrent in Gen.Elements(true, false)
            from lookAhead in Gen.Choose(0, 20 * 60)
            select new BudgetStep(advance, operation, adjust, extend, fromCurrent, lookAhead);
        var scenario =
            from methodId in Gen.Elements(Methods)
            from minutes in Gen.ArrayOf(Gen.Choose(1, 24), Prepared(methodId).Method.Phases.Count)
            from count in Gen.Choose(0, 40)
            from steps in Gen.ArrayOf(step, count)
            select new BudgetScenario(methodId, minutes, steps);

        // Shrinking drops steps one at a time, so a counterexample ends with the few steps that matter.
        return Arb.From(scenario, s => Enumerable.Range(0, s.Steps.Length)
            .Select(i => s with { Steps = [.. s.Steps.Take(i), .. s.Steps.Skip(i + 1)] }));
    }
}

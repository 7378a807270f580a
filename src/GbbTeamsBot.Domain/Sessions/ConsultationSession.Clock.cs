using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Methods;

namespace GbbTeamsBot.Domain.Sessions;

/// <summary>
/// The clock: start, phase changes, pause, adjustments, completion, and the time budget. Budget rule: the
/// remaining phases are scaled down in proportion so that the time spent plus the time still planned never exceeds
/// the session's total; they are never planned above their baseline. Only the moderator's explicit
/// <see cref="ExtendTotal"/> raises the total.
/// </summary>
public sealed partial class ConsultationSession
{
    private Step SetPlan(Participant actor, SetPhasePlan command)
    {
        if (RequireModerator(actor, command) is { } rejected)
        {
            return rejected;
        }

        if (command.Durations.Count != Method.Phases.Count)
        {
            return Rejections.InvalidPlan(new(
                $"Der Zeitplan braucht genau {Method.Phases.Count} Phasen.",
                $"The plan needs exactly {Method.Phases.Count} phases."));
        }

        if (command.Durations.Any(d => d < TimeSpan.FromMinutes(1)))
        {
            return Rejections.InvalidPlan(new("Jede Phase braucht mindestens eine Minute.", "Every phase needs at least one minute."));
        }

        var total = command.Durations.Aggregate(TimeSpan.Zero, (sum, d) => sum + d);
        if (total < Method.Budget.MinTotal || total > Method.Budget.MaxTotal)
        {
            return Rejections.TotalOutOfRange(Method.Budget.MinTotal, Method.Budget.MaxTotal);
        }

        var phases = _state.Phases.Select(p => p with { Baseline = command.Durations[p.Index], Planned = command.Durations[p.Index] }).ToList();
        return Ok(_state with { Phases = phases, Total = total }, Event(SessionEventKind.PlanChanged));
    }

    private Step Start(Participant actor, DateTimeOffset now)
    {
        if (actor.Role != ParticipantRole.Moderator)
        {
            return Rejections.RoleNotPermitted(Labels.For(actor.Role), Labels.For(SessionTrigger.Start));
        }

        foreach (var rule in Method.Roles.Where(r => r.MinToStart > 0))
        {
            if (_state.Participants.Count(p => p.Role == rule.Role) < rule.MinToStart)
            {
                return Rejections.RolesIncomplete(Labels.For(rule.Role));
            }
        }

        if (Method.RequiresConsent)
        {
            if (_state.Consent is { IsWithdrawn: true })
            {
                return Participation.ParticipationRejections.ConsentWithdrawn();
            }

            if (_state.Consent is null)
            {
                return Rejections.ConsentMissing();
            }

            if (!_state.Consent.IsValidAt(now))
            {
                return Rejections.ConsentExpired();
            }
        }

        var phases = _state.Phases.ToArray();
        phases[0] = phases[0] with { State = PhaseRunState.Active };
        var next = _state with
        {
            Status = SessionStatus.Running,
            StartedAt = now,
            RunningSince = now,
            CurrentPhaseIndex = 0,
            Phases = phases,
            SessionWarningFired = _state.Total <= _state.Options.SessionWarningLead,
        };
        next = ArmCurrentPhase(next, now, reset: true);
        return Ok(next, Event(SessionEventKind.Started, 0));
    }

    /// <summary>Moves to the next phase; on the last phase the session completes.</summary>
    /// <summary>Advances phase by phase to the regular end, in one step (each phase keeps its actual time).</summary>
    private Step RunThrough(SessionSnapshot state, DateTimeOffset now)
    {
        var events = new List<SessionEvent>();
        for (var guard = 0; guard <= Method.Phases.Count; guard++)
        {
            var step = Advance(state, now);
            if (step.Rejection is not null)
            {
                return step;
            }

            events.AddRange(step.Events);
            state = step.Next!;
            if (state.Status != SessionStatus.Running)
            {
                break;
            }
        }

        return Ok(state, [.. events]);
    }

    private Step Advance(SessionSnapshot state, DateTimeOffset now)
    {
        var current = state.CurrentPhaseIndex;
        if (current == state.Phases.Count - 1)
        {
            return Complete(state, now, early: false);
        }

        var closed = CloseSegment(state, now);
        var phases = closed.Phases.ToArray();
        phases[current] = phases[current] with { State = PhaseRunState.Done, Overdue = false };
        phases[current + 1] = phases[current + 1] with { State = PhaseRunState.Active };
        var next = closed with { Phases = phases, CurrentPhaseIndex = current + 1, RunningSince = now };
        next = Rebalance(next, now, reserveCurrent: false);
        next = ArmCurrentPhase(next, now, reset: true);
        return Ok(next, Event(SessionEventKind.PhaseChanged, current + 1));
    }

    private Step GoBack(DateTimeOffset now)
    {
        var current = _state.CurrentPhaseIndex;
        if (current == 0)
        {
            return Rejections.NoPreviousPhase();
        }

        var closed = CloseSegment(_state, now);
        var phases = closed.Phases.ToArray();
        phases[current] = phases[current] with { State = PhaseRunState.NotStarted, Overdue = false };
        var previous = phases[current - 1];
        var room = Max0(closed.Total - Consumed(closed, now));
        var remaining = Min(Max(previous.Planned - previous.Actual, closed.Options.ReentryMinimum), room);
        phases[current - 1] = previous with { State = PhaseRunState.Active, Planned = previous.Actual + remaining };
        var next = closed with { Phases = phases, CurrentPhaseIndex = current - 1, RunningSince = now };
        next = Rebalance(next, now, reserveCurrent: true);
        next = ArmCurrentPhase(next, now, reset: true);
        return Ok(next, Event(SessionEventKind.PhaseChanged, current - 1));
    }

    private Step Adjust(AdjustCurrentPhase command, DateTimeOffset now)
    {
        if (command.Delta == TimeSpan.Zero)
        {
            return Rejections.InvalidDuration(new("Bitte eine Änderung in Minuten angeben.", "Please give a change in minutes."));
        }

        var index = _state.CurrentPhaseIndex;
        var phase = _state.Phases[index];
        var elapsed = ElapsedInCurrent(_state, now);
        // Lengthening an overdue phase counts from now: the moderator means "two more minutes".
        var planned = (command.Delta > TimeSpan.Zero ? Max(phase.Planned, elapsed) : phase.Planned) + command.Delta;
        if (planned < elapsed)
        {
            return Rejections.InvalidDuration(new(
                $"Die Phase läuft schon {Rejections.Minutes(elapsed)} Minuten; kürzer geht nicht. Zum Beenden „Nächste Phase“ wählen.",
                $"The phase has already run {Rejections.Minutes(elapsed)} minutes; it cannot be shorter. Choose 'Next phase' to end it."));
        }

        if (planned - elapsed > Max0(_state.Total - Consumed(_state, now)))
        {
            return Rejections.ExceedsTotal();
        }

        var phases = _state.Phases.ToArray();
        phases[index] = phase with { Planned = planned, Baseline = planned };
        var next = _state with { Phases = phases };
        next = ResetPhaseDeadlines(next, now);
        next = Rebalance(next, now, reserveCurrent: true);
        return Ok(next, Event(SessionEventKind.PhaseAdjusted, index));
    }

    private Step Extend(ExtendTotal command, DateTimeOffset now)
    {
        var room = Method.Budget.MaxExtension - _state.TotalExtension;
        if (command.Delta <= TimeSpan.Zero || command.Delta > room)
        {
            return Rejections.InvalidDuration(new(
                $"Die Gesamtzeit lässt sich noch um 1 bis {Rejections.Minutes(room)} Minuten verlängern.",
                $"The total can still be extended by 1 to {Rejections.Minutes(room)} minutes."));
        }

        var next = _state with { Total = _state.Total + command.Delta, TotalExtension = _state.TotalExtension + command.Delta };
        var index = next.CurrentPhaseIndex;
        if (command.AddToCurrentPhase)
        {
            // An overrun already beyond the old total absorbs the extension first, so the total still holds.
            var currentRemaining = Max0(next.Phases[index].Planned - ElapsedInCurrent(next, now));
            var granted = Min(command.Delta, Max0(next.Total - Consumed(next, now) - currentRemaining));
            var phases = next.Phases.ToArray();
            var planned = Max(phases[index].Planned, ElapsedInCurrent(next, now)) + granted;
            phases[index] = phases[index] with { Planned = planned, Baseline = planned };
            next = next with { Phases = phases };
            next = ResetPhaseDeadlines(next, now);
        }

        next = Rebalance(next, now, reserveCurrent: true);
        next = next with { SessionWarningFired = PlannedEnd(next, now) - next.Options.SessionWarningLead <= now };
        return Ok(next, Event(SessionEventKind.TotalExtended, index));
    }

    private Step Pause(DateTimeOffset now)
    {
        var closed = CloseSegment(_state, now);
        var next = Rebalance(closed with { Status = SessionStatus.Paused, PausedAt = now }, now, reserveCurrent: true);
        return Ok(next, Event(SessionEventKind.Paused, next.CurrentPhaseIndex));
    }

    private Step Resume(DateTimeOffset now)
    {
        if (Method.RequiresConsent && _state.Consent is { IsWithdrawn: true })
        {
            return Participation.ParticipationRejections.ConsentWithdrawn();
        }

        var paused = _state.PausedAt is { } at && now > at ? now - at : TimeSpan.Zero;
        var next = _state with
        {
            Status = SessionStatus.Running,
            PausedAt = null,
            PausedTotal = _state.PausedTotal + paused,
            RunningSince = now,
        };
        next = ArmCurrentPhase(next, now, reset: false);
        return Ok(next, Event(SessionEventKind.Resumed, next.CurrentPhaseIndex));
    }

    private static Step Complete(SessionSnapshot state, DateTimeOffset now, bool early)
    {
        var closed = CloseSegment(state, now);
        var paused = closed.PausedAt is { } at && now > at ? now - at : TimeSpan.Zero;
        var phases = closed.Phases
            .Select(p => p.Index == closed.CurrentPhaseIndex
                ? p with { State = PhaseRunState.Done, Overdue = false }
                : p.State == PhaseRunState.NotStarted ? p with { State = PhaseRunState.Skipped } : p)
            .ToList();
        var next = closed with
        {
            Status = SessionStatus.Completed,
            Phases = phases,
            EndedAt = now,
            EndedEarly = early,
            PausedAt = null,
            PausedTotal = closed.PausedTotal + paused,
        };
        return Ok(next, Event(SessionEventKind.Completed, closed.CurrentPhaseIndex));
    }

    private Step Cancel(DateTimeOffset now)
    {
        var closed = _state.Status == SessionStatus.Running ? CloseSegment(_state, now) : _state;
        return Ok(closed with { Status = SessionStatus.Cancelled, EndedAt = now, PausedAt = null }, Event(SessionEventKind.Cancelled));
    }

    /// <summary>Planned versus actual per phase at <paramref name="now"/>, with the remaining phases re-planned live.</summary>
    public TimeBudgetView GetTimeBudget(DateTimeOffset now)
    {
        var state = _state.Status is SessionStatus.Running or SessionStatus.Paused
            ? Rebalance(_state, now, reserveCurrent: true)
            : _state;
        var phases = state.Phases.Select(p =>
        {
            var actual = p.Index == state.CurrentPhaseIndex && state.Status == SessionStatus.Running ? ElapsedInCurrent(state, now) : p.Actual;
            return new PhaseBudgetView(p.Index, p.Key, p.Baseline, p.Planned, actual, Max0(p.Planned - actual), p.State, p.Overdue);
        }).ToList();
        var plannedEnd = state.StartedAt is null || state.Status is SessionStatus.Completed or SessionStatus.Cancelled ? (DateTimeOffset?)null : PlannedEnd(state, now);
        return new TimeBudgetView(state.Total, state.TotalExtension, state.StartedAt is null ? TimeSpan.Zero : Consumed(state, now), plannedEnd, phases);
    }

    private static TimeSpan RunningSegment(SessionSnapshot s, DateTimeOffset now) =>
        s.RunningSince is { } since && now > since ? now - since : TimeSpan.Zero;

    private static TimeSpan ElapsedInCurrent(SessionSnapshot s, DateTimeOffset now) =>
        s.Phases[s.CurrentPhaseIndex].Actual + RunningSegment(s, now);

    private static TimeSpan Consumed(SessionSnapshot s, DateTimeOffset now) =>
        s.Phases.Aggregate(TimeSpan.Zero, (sum, p) => sum + p.Actual) + RunningSegment(s, now);

    /// <summary>When the session is planned to end: start + pauses (including a running pause) + total.</summary>
    private static DateTimeOffset PlannedEnd(SessionSnapshot s, DateTimeOffset now)
    {
        var runningPause = s.PausedAt is { } at && now > at ? now - at : TimeSpan.Zero;
        return s.StartedAt!.Value + s.PausedTotal + runningPause + s.Total;
    }

    private static SessionSnapshot CloseSegment(SessionSnapshot s, DateTimeOffset now)
    {
        if (s.RunningSince is null)
        {
            return s;
        }

        var phases = s.Phases.ToArray();
        var index = s.CurrentPhaseIndex;
        phases[index] = phases[index] with { Actual = phases[index].Actual + RunningSegment(s, now) };
        return s with { Phases = phases, RunningSince = null };
    }

    /// <summary>
    /// Re-plans the phases after the current one (and the current one too, unless <paramref name="reserveCurrent"/>)
    /// so that spent + planned-remaining stays within the total: each phase needs up to its baseline; if the room
    /// is short, all needs are scaled by the same factor (whole seconds, rounded down).
    /// </summary>
    internal static SessionSnapshot Rebalance(SessionSnapshot s, DateTimeOffset now, bool reserveCurrent)
    {
        var current = s.CurrentPhaseIndex;
        var first = reserveCurrent ? current + 1 : current;
        var reserved = reserveCurrent ? Max0(s.Phases[current].Planned - ElapsedInCurrent(s, now)) : TimeSpan.Zero;
        var room = s.Total - Consumed(s, now) - reserved;
        var candidates = s.Phases.Where(p => p.Index >= first && p.State != PhaseRunState.Skipped).ToList();
        if (candidates.Count == 0)
        {
            return s;
        }

        TimeSpan ActualOf(PhaseRun p) => p.Index == current ? ElapsedInCurrent(s, now) : p.Actual;
        var needs = candidates.ToDictionary(p => p.Index, p => WholeSeconds(Max0(p.Baseline - ActualOf(p))));
        var totalNeed = needs.Values.Sum();
        var roomSeconds = room <= TimeSpan.Zero ? 0 : WholeSeconds(room);
        var phases = s.Phases.ToArray();
        foreach (var phase in candidates)
        {
            var need = needs[phase.Index];
            var granted = totalNeed <= roomSeconds ? need : (long)(need * (decimal)roomSeconds / totalNeed);
            // Planned is measured from the phase's accumulated actual (before the running segment), so a current
            // phase's planned includes what it has spent so far.
            phases[phase.Index] = phase with { Planned = ActualOf(phase) + TimeSpan.FromSeconds(granted) };
        }

        return s with { Phases = phases };
    }

    private SessionSnapshot ResetPhaseDeadlines(SessionSnapshot s, DateTimeOffset now)
    {
        var index = s.CurrentPhaseIndex;
        var phase = s.Phases[index];
        var remaining = phase.Planned - ElapsedInCurrent(s, now);
        var phases = s.Phases.ToArray();
        phases[index] = phase with
        {
            WarningFired = remaining <= s.Options.PhaseWarningLead,
            EndFired = remaining <= TimeSpan.Zero && phase.EndFired,
            Overdue = remaining <= TimeSpan.Zero && phase.Overdue,
        };
        return s with { Phases = phases };
    }

    /// <summary>
    /// Prepares the current phase's deadlines when a running segment starts. A warning that would already be due
    /// (too little time left) is skipped rather than fired late.
    /// </summary>
    private static SessionSnapshot ArmCurrentPhase(SessionSnapshot s, DateTimeOffset now, bool reset)
    {
        var index = s.CurrentPhaseIndex;
        var phase = s.Phases[index];
        var remaining = phase.Planned - ElapsedInCurrent(s, now);
        var tooLateForWarning = remaining <= s.Options.PhaseWarningLead;
        var phases = s.Phases.ToArray();
        phases[index] = reset
            ? phase with { WarningFired = tooLateForWarning, EndFired = false, Overdue = false }
            : phase with { WarningFired = phase.WarningFired || tooLateForWarning };
        return s with { Phases = phases };
    }

    private static long WholeSeconds(TimeSpan span) => (long)Math.Floor(span.TotalSeconds);

    private static TimeSpan Max0(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

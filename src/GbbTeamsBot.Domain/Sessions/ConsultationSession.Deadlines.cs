using System.Globalization;
using GbbTeamsBot.Domain.Deadlines;

namespace GbbTeamsBot.Domain.Sessions;

/// <summary>
/// Deadlines as data. While running, the session has exactly one next deadline (the earliest unfired of: phase
/// warning, phase end, session-end warning) with a token that changes whenever the schedule changes. Firing with a
/// stale token, or before the due instant, is ignored: no effect, no version change.
/// </summary>
/// <remarks>
/// When a phase's end fires, the phase is marked overdue and a <see cref="SessionEventKind.PhaseOverdue"/> event asks
/// the application to notify the moderator, who runs the clock. With <see cref="SessionOptions.AutoAdvance"/> the
/// session moves to the next phase instead (never past the last phase: completing stays the moderator's decision).
/// After a restart the scanner simply fires what is due: each overdue deadline fires once, marked late, and
/// <see cref="SessionEvent.Superseded"/> tells which notifications are no longer worth sending.
/// </remarks>
public sealed partial class ConsultationSession
{
    public Deadline? NextDeadline() => NextDeadlineOf(_state);

    public DeadlineFireResult FireDeadline(string token, DateTimeOffset now)
    {
        var due = NextDeadlineOf(_state);
        if (due is null || !string.Equals(due.Token, token, StringComparison.Ordinal))
        {
            return new DeadlineFireResult(DeadlineFireOutcome.IgnoredStale, due, false, _state.Version, []);
        }

        if (now < due.DueAt)
        {
            return new DeadlineFireResult(DeadlineFireOutcome.IgnoredNotDue, due, false, _state.Version, []);
        }

        var late = now - due.DueAt > _state.Options.LateTolerance;
        var index = due.PhaseIndex;
        var phases = _state.Phases.ToArray();
        var next = _state with
        {
            DeadlineLog = [.. _state.DeadlineLog, new FiredDeadline(due.Kind, index, due.DueAt, now, late)],
        };
        var events = new List<SessionEvent>();
        switch (due.Kind)
        {
            case DeadlineKind.PhaseWarning:
                phases[index] = phases[index] with { WarningFired = true };
                next = next with { Phases = phases };
                events.Add(new SessionEvent(SessionEventKind.PhaseWarning) { PhaseIndex = index, Late = late });
                break;
            case DeadlineKind.PhaseEnd:
                phases[index] = phases[index] with { EndFired = true, WarningFired = true, Overdue = true };
                next = next with { Phases = phases };
                events.Add(new SessionEvent(SessionEventKind.PhaseOverdue) { PhaseIndex = index, Late = late });
                if (next.Options.AutoAdvance && index < next.Phases.Count - 1)
                {
                    var advanced = Advance(next, now);
                    next = advanced.Next!;
                    events.Add(new SessionEvent(SessionEventKind.AutoAdvanced) { PhaseIndex = index + 1, Late = late });
                }
                else
                {
                    // The moderator decides; meanwhile the overrun shrinks what is left for the other phases.
                    next = Rebalance(next, now, reserveCurrent: true);
                }

                break;
            case DeadlineKind.SessionEndWarning:
                next = next with { SessionWarningFired = true };
                events.Add(new SessionEvent(SessionEventKind.SessionEndWarning) { PhaseIndex = index, Late = late });
                break;
            default:
                throw new InvalidOperationException($"Unknown deadline kind {due.Kind}.");
        }

        next = next with { Version = _state.Version + 1, ScheduleRevision = _state.ScheduleRevision + 1 };
        if (NextDeadlineOf(next) is { } following && following.DueAt <= now)
        {
            events[0] = events[0] with { Superseded = true };
        }

        _state = next;
        return new DeadlineFireResult(DeadlineFireOutcome.Fired, due, late, _state.Version, events);
    }

    private static Deadline? NextDeadlineOf(SessionSnapshot s)
    {
        if (s.Status != SessionStatus.Running || s.RunningSince is not { } since)
        {
            return null;
        }

        var index = s.CurrentPhaseIndex;
        var phase = s.Phases[index];
        var phaseEnd = since + (phase.Planned - phase.Actual);
        var candidates = new List<(DeadlineKind Kind, DateTimeOffset Due)>();
        if (!phase.WarningFired && !phase.EndFired)
        {
            candidates.Add((DeadlineKind.PhaseWarning, phaseEnd - s.Options.PhaseWarningLead));
        }

        if (!phase.EndFired)
        {
            candidates.Add((DeadlineKind.PhaseEnd, phaseEnd));
        }

        if (!s.SessionWarningFired)
        {
            candidates.Add((DeadlineKind.SessionEndWarning, PlannedEnd(s, since) - s.Options.SessionWarningLead));
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var (kind, due) = candidates.OrderBy(c => c.Due).ThenBy(c => c.Kind).First();
        var token = string.Join(
            ':',
            s.SessionId,
            s.ScheduleRevision.ToString(CultureInfo.InvariantCulture),
            kind.ToString(),
            index.ToString(CultureInfo.InvariantCulture));
        return new Deadline(s.SessionId, kind, index, due, token);
    }
}

using GbbTeamsBot.Domain.Common;

namespace GbbTeamsBot.Domain.Sessions;

/// <summary>A session of the team as far as the one-session-per-case rule needs it.</summary>
public sealed record TeamSessionFacts(string SessionId, string? CaseReference, SessionStatus Status);

/// <summary>Rules across a team's sessions.</summary>
public static class CaseRules
{
    /// <summary>
    /// One running (or paused) session per case pseudonym in a team: a second one would hide the first from every list
    /// and split the case's agreements. Returns the running session to point to, or null when a new one may start.
    /// Prepared sessions that never started do not block; finished ones neither.
    /// </summary>
    public static TeamSessionFacts? RunningSessionFor(string? caseReference, IEnumerable<TeamSessionFacts> teamSessions)
    {
        ArgumentNullException.ThrowIfNull(teamSessions);
        if (string.IsNullOrWhiteSpace(caseReference))
        {
            return null;
        }

        return teamSessions.FirstOrDefault(s =>
            s.Status is SessionStatus.Running or SessionStatus.Paused
            && string.Equals(s.CaseReference?.Trim(), caseReference.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    public static Rejection AlreadyRunning(string caseReference) => Rejections.CaseAlreadyRunning(caseReference);
}

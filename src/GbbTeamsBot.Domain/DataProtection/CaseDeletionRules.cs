using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Domain.DataProtection;

/// <summary>
/// Who may delete everything a team holds about one case, and when: a moderator of one of the case's sessions, or a
/// configured data-protection administrator of the deployment; never while one of its sessions is still open
/// (prepared, running or paused), because the live card would keep writing into what was just deleted.
/// </summary>
public static class CaseDeletionRules
{
    public static Rejection? Check(string actorId, IReadOnlyCollection<SessionSnapshot> sessionsOfCase, bool actorIsAdministrator)
    {
        ArgumentNullException.ThrowIfNull(sessionsOfCase);
        if (sessionsOfCase.Any(s => s.Status is SessionStatus.Prepared or SessionStatus.Running or SessionStatus.Paused))
        {
            return new Rejection(RejectionCode.InvalidInState, new(
                "Zu diesem Fall ist noch eine Sitzung offen. Bitte beenden Sie sie zuerst auf ihrer Karte („Beenden“) und löschen Sie dann.",
                "A session about this case is still open. Please end it on its card ('End') first, then delete."));
        }

        var moderated = sessionsOfCase.Any(s => s.Participants.Any(p => p.Role == ParticipantRole.Moderator && string.Equals(p.Id, actorId, StringComparison.Ordinal)));
        return moderated || actorIsAdministrator
            ? null
            : new Rejection(RejectionCode.RoleNotPermitted, new(
                "Löschen darf, wer eine Sitzung zu diesem Fall moderiert hat, oder die Datenschutz-Administration Ihres Hauses.",
                "Only a moderator of one of this case's sessions, or your organisation's data-protection administrators, may delete it."));
    }
}

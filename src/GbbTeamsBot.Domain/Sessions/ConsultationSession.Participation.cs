using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Participation;

namespace GbbTeamsBot.Domain.Sessions;

/// <summary>Participation after the setup: handing over a seat, leaving, and the person withdrawing their consent.</summary>
public sealed partial class ConsultationSession
{
    /// <summary>Entries the participation log keeps at most; beyond it joins and hand-overs are refused, not forgotten.</summary>
    public const int MaxParticipationLogEntries = 200;

    /// <summary>
    /// "Übergeben": whoever holds Moderation, Protokoll or Falleinbringend hands it over (a swap); the moderator may
    /// also give any other seat (Beratende, Person, Umfeld, beteiligte Stelle). Staff roles never go to guests.
    /// </summary>
    private Step Pass(Participant actor, PassRole command, DateTimeOffset now)
    {
        var target = Find(command.ToParticipantId);
        if (target is null)
        {
            return Rejections.ParticipantNotFound();
        }

        if (target.IsExternal && ParticipantRoles.IsStaffRole(command.Role))
        {
            return ParticipationRejections.StaffRoleForExternal(Labels.For(command.Role));
        }

        if (_state.ParticipationLog.Count + 2 > MaxParticipationLogEntries)
        {
            return Rejections.LimitReached(new("Rollenwechsel", "role changes"), MaxParticipationLogEntries);
        }

        if (actor.Role == command.Role && HandOverRoles.Contains(command.Role))
        {
            return HandOver(actor, new HandOverRole(actor.Id, target.Id), now);
        }

        if (actor.Role != ParticipantRole.Moderator)
        {
            return ParticipationRejections.HandOverNotAllowed(Labels.For(command.Role));
        }

        if (command.Role == ParticipantRole.Moderator)
        {
            // Only the moderator hands the moderation on, and then as a swap (handled above).
            return ParticipationRejections.HandOverNotAllowed(Labels.For(command.Role));
        }

        if (Method.RuleFor(command.Role) is { Max: 1 }
            && _state.Participants.FirstOrDefault(p => p.Role == command.Role && p.Id != target.Id) is { } holder
            && holder.Id != actor.Id
            && ParticipantRoles.MayHold(holder.IsExternal, target.Role))
        {
            // A single seat held by someone else (e.g. the protocol): the two swap, so no seat is left empty or doubled.
            var swapped = WithRole(WithRole(_state, target.Id, command.Role), holder.Id, target.Role);
            swapped = Logged(Logged(swapped, ParticipationChangeKind.RoleChanged, target.Id, command.Role, now), ParticipationChangeKind.RoleChanged, holder.Id, target.Role, now);
            return Ok(swapped, Event(SessionEventKind.RoleAssigned, subject: target.Id), Event(SessionEventKind.RoleAssigned, subject: holder.Id));
        }

        return Assign(actor, new AssignRole(actor.Id, target.Id, command.Role), now);
    }

    /// <summary>
    /// Anyone can leave; their entries stay. Whoever holds a role the session needs and nobody else holds (the
    /// moderation, the case presenter, the last Beratende) hands it over first, so nobody is left without a moderator
    /// or without someone to confirm the protocol.
    /// </summary>
    private Step Leave(Participant actor, DateTimeOffset now)
    {
        if (!MayLeave(actor.Role))
        {
            return ParticipationRejections.MustHandOverFirst(Labels.For(actor.Role));
        }

        if (_state.ParticipationLog.Count >= MaxParticipationLogEntries)
        {
            return Rejections.LimitReached(new("Rollenwechsel", "role changes"), MaxParticipationLogEntries);
        }

        var next = _state with
        {
            Participants = [.. _state.Participants.Where(p => p.Id != actor.Id)],
            CoordinatingContactId = _state.CoordinatingContactId == actor.Id ? null : _state.CoordinatingContactId,
        };
        return Ok(Logged(next, ParticipationChangeKind.Left, actor.Id, actor.Role, now), Event(SessionEventKind.ParticipantLeft, subject: actor.Id));
    }

    /// <summary>
    /// The person withdrew their consent (documented by the moderator or the case presenter): the withdrawal is
    /// recorded, a running session is paused and cannot be resumed, a prepared one cannot start, and the external
    /// participants see nothing of the case any more.
    /// </summary>
    private Step WithdrawConsentStep(Participant actor, DateTimeOffset now)
    {
        if (actor.Role is not (ParticipantRole.Moderator or ParticipantRole.CasePresenter))
        {
            return Rejections.RoleNotPermitted(Labels.For(actor.Role), Labels.For(SessionTrigger.WithdrawConsent));
        }

        if (_state.Consent is not { } consent)
        {
            return ParticipationRejections.NoConsentToWithdraw();
        }

        if (consent.IsWithdrawn)
        {
            return ParticipationRejections.ConsentWithdrawn();
        }

        var withdrawn = _state with { Consent = consent with { WithdrawnAt = now, WithdrawnById = actor.Id } };
        if (_state.Status == SessionStatus.Running)
        {
            var paused = Pause(now);
            withdrawn = paused.Next! with { Consent = withdrawn.Consent };
            return Ok(withdrawn, [.. paused.Events, Event(SessionEventKind.ConsentWithdrawn)]);
        }

        return Ok(withdrawn, Event(SessionEventKind.ConsentWithdrawn));
    }

    /// <summary>Whether a holder of <paramref name="role"/> may leave without handing it over (see <see cref="Leave"/>).</summary>
    public bool MayLeave(ParticipantRole role) =>
        role != ParticipantRole.Moderator
        && (Method.RuleFor(role) is not { MinToStart: > 0 } rule || _state.Participants.Count(p => p.Role == role) > rule.MinToStart);

    /// <summary>Whether the session's consent was withdrawn (external participants then see nothing of the case).</summary>
    public bool ConsentWithdrawn => _state.Consent is { IsWithdrawn: true };

    /// <summary>
    /// Adds a log entry. Colleagues in staff roles keep their display name in it (accountability, as in the
    /// participant list); guests, agencies, the person and their lifeworld appear by role only.
    /// </summary>
    private SessionSnapshot Logged(SessionSnapshot s, ParticipationChangeKind kind, string participantId, ParticipantRole role, DateTimeOffset now)
    {
        var who = s.Participants.FirstOrDefault(p => p.Id == participantId) ?? _state.Participants.FirstOrDefault(p => p.Id == participantId);
        var label = who is { IsExternal: false } && ParticipantRoles.IsStaffRole(role) ? who.DisplayName : null;
        return s with { ParticipationLog = [.. s.ParticipationLog, new ParticipationChange(kind, participantId, role, now) { DisplayName = label }] };
    }
}

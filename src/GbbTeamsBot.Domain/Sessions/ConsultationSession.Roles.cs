using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Consent;
using GbbTeamsBot.Domain.Methods;

namespace GbbTeamsBot.Domain.Sessions;

/// <summary>Participants, roles, consent and settings.</summary>
public sealed partial class ConsultationSession
{
    /// <summary>Roles that only colleagues of the own organisation may hold.</summary>
    private static readonly HashSet<ParticipantRole> StaffRoles =
    [
        ParticipantRole.Moderator,
        ParticipantRole.ProtocolKeeper,
        ParticipantRole.CasePresenter,
        ParticipantRole.Adviser,
    ];

    private static readonly HashSet<ParticipantRole> HandOverRoles =
    [
        ParticipantRole.Moderator,
        ParticipantRole.ProtocolKeeper,
        ParticipantRole.CasePresenter,
    ];

    public ParticipantRole? RoleOf(string participantId) => Find(participantId)?.Role;

    private Step Join(JoinSession command, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(command.ActorId))
        {
            return Rejections.UnknownParticipant();
        }

        if (Find(command.ActorId) is not null)
        {
            return Rejections.AlreadyJoined();
        }

        if (_state.Participants.Count >= SessionLimits.MaxParticipants)
        {
            return Rejections.LimitReached(new("Teilnehmenden", "participants"), SessionLimits.MaxParticipants);
        }

        var texts = new[]
        {
            new TextInput("displayName", new("Anzeigename", "Display name"), command.DisplayName, TextRules.ShortTextMaxLength),
            new TextInput("organisation", new("Stelle", "Agency"), command.Organisation, TextRules.ShortTextMaxLength, Required: false),
        };

        // Display names are people's own Teams names: length-checked, not privacy-checked.
        if (TextRules.Validate(texts, confirmedDespiteWarnings: true) is { } rejected)
        {
            return rejected;
        }

        var role = command.IsExternal ? Method.DefaultExternalRole : Method.DefaultMemberRole;
        if (!HasRoom(role, excluding: null))
        {
            role = ParticipantRole.Guest;
            if (!HasRoom(role, excluding: null))
            {
                return Rejections.RoleCapacityExceeded(Labels.For(role));
            }
        }

        var participant = new Participant
        {
            Id = command.ActorId,
            DisplayName = command.DisplayName.Trim(),
            Role = role,
            IsExternal = command.IsExternal,
            Organisation = TextRules.Clean(command.Organisation),
            JoinedAt = now,
        };
        var joined = Logged(_state with { Participants = [.. _state.Participants, participant] }, ParticipationChangeKind.Joined, participant.Id, role, now);
        return Ok(joined, Event(SessionEventKind.ParticipantJoined, subject: participant.Id));
    }

    private Step Assign(Participant actor, AssignRole command, DateTimeOffset now)
    {
        if (RequireModerator(actor, command) is { } notModerator)
        {
            return notModerator;
        }

        var target = Find(command.ParticipantId);
        if (target is null)
        {
            return Rejections.ParticipantNotFound();
        }

        if (target.Id == actor.Id)
        {
            return Rejections.InvalidHandOver(new(
                "Die Moderation bitte zuerst übergeben, dann eine andere Rolle übernehmen.",
                "Please hand over the moderation first, then take another role."));
        }

        if (target.IsExternal && StaffRoles.Contains(command.Role))
        {
            return Participation.ParticipationRejections.StaffRoleForExternal(Labels.For(command.Role));
        }

        if (Method.RuleFor(command.Role) is not { Max: > 0 })
        {
            return Rejections.RoleNotPermitted(Labels.For(command.Role), Labels.For(SessionTrigger.AssignRole));
        }

        if (!HasRoom(command.Role, excluding: target.Id))
        {
            return Rejections.RoleCapacityExceeded(Labels.For(command.Role));
        }

        return Ok(Logged(WithRole(_state, target.Id, command.Role), ParticipationChangeKind.RoleChanged, target.Id, command.Role, now), Event(SessionEventKind.RoleAssigned, subject: target.Id));
    }

    private Step HandOver(Participant actor, HandOverRole command, DateTimeOffset now)
    {
        if (!HandOverRoles.Contains(actor.Role))
        {
            return Rejections.RoleNotHeld();
        }

        var target = Find(command.ToParticipantId);
        if (target is null)
        {
            return Rejections.ParticipantNotFound();
        }

        if (target.Id == actor.Id || target.IsExternal)
        {
            return Rejections.InvalidHandOver(new(
                "Übergeben lässt sich nur an eine andere Kollegin oder einen anderen Kollegen.",
                "A role can only be handed over to another colleague."));
        }

        // A swap: the giver takes the receiver's former role, so every role count stays the same.
        var next = WithRole(WithRole(_state, target.Id, actor.Role), actor.Id, target.Role);
        next = Logged(Logged(next, ParticipationChangeKind.RoleChanged, target.Id, actor.Role, now), ParticipationChangeKind.RoleChanged, actor.Id, target.Role, now);
        return Ok(next, Event(SessionEventKind.RoleHandedOver, subject: target.Id));
    }

    private Step RecordConsentFor(Participant actor, RecordConsent command, DateTimeOffset now)
    {
        if (actor.Role is not (ParticipantRole.Moderator or ParticipantRole.CasePresenter))
        {
            return Rejections.RoleNotPermitted(Labels.For(actor.Role), Labels.For(SessionTrigger.RecordConsent));
        }

        if (_state.Consent is { IsWithdrawn: true })
        {
            // A withdrawn consent is not brought back by a click on an old card: a new consultation needs a new consent.
            return Participation.ParticipationRejections.ConsentWithdrawn();
        }

        if (ConsentRecord.Validate(command.Consent, now) is { } rejected)
        {
            return rejected;
        }

        var record = new ConsentRecord
        {
            ConfirmedById = actor.Id,
            ConfirmedAt = now,
            GivenAt = command.Consent.GivenAt,
            ValidUntil = command.Consent.ValidUntil,
            Agencies = [.. command.Consent.Agencies.Select(a => a.Trim())],
            IncludesReleaseFromConfidentiality = command.Consent.IncludesReleaseFromConfidentiality,
            GivenBy = command.Consent.GivenBy,
            Purpose = TextRules.Clean(command.Consent.Purpose),
            PersonTakesPart = command.Consent.PersonTakesPart,
        };
        return Ok(_state with { Consent = record }, Event(SessionEventKind.ConsentRecorded));
    }

    private Step Configure(Participant actor, ConfigureSession command)
    {
        if (RequireModerator(actor, command) is { } rejected)
        {
            return rejected;
        }

        if (ValidateOptions(command.Options) is { } invalid)
        {
            return invalid;
        }

        return Ok(_state with { Options = command.Options }, Event(SessionEventKind.OptionsChanged));
    }

    private Step Designate(Participant actor, DesignateCoordinatingContact command)
    {
        if (RequireModerator(actor, command) is { } rejected)
        {
            return rejected;
        }

        var target = Find(command.ParticipantId);
        if (target is null)
        {
            return Rejections.ParticipantNotFound();
        }

        if (target.Role == ParticipantRole.Guest)
        {
            return Rejections.RoleNotPermitted(Labels.For(target.Role), Labels.For(SessionTrigger.DesignateCoordinatingContact));
        }

        return Ok(_state with { CoordinatingContactId = target.Id }, Event(SessionEventKind.CoordinatingContactDesignated, subject: target.Id));
    }

    private bool HasRoom(ParticipantRole role, string? excluding)
    {
        var max = Method.RuleFor(role)?.Max ?? 0;
        return _state.Participants.Count(p => p.Role == role && p.Id != excluding) < max;
    }

    /// <summary>
    /// Sets a role. The person concerned and lifeworld supporters lose their Teams display name here: the session
    /// stores only a role label for them, so a pseudonymous case is never linked to the person's name.
    /// </summary>
    private static SessionSnapshot WithRole(SessionSnapshot s, string participantId, ParticipantRole role) =>
        s with
        {
            Participants =
            [
                .. s.Participants.Select(p => p.Id != participantId
                    ? p
                    : role is ParticipantRole.PersonConcerned or ParticipantRole.LifeworldSupporter
                        ? p with { Role = role, DisplayName = Labels.For(role).De }
                        : p with { Role = role }),
            ],
        };

    /// <summary>The protocol keeper keeps the record; without one, the moderator does.</summary>
    private bool KeepsProtocol(Participant p) =>
        p.Role == ParticipantRole.ProtocolKeeper
        || (p.Role == ParticipantRole.Moderator && _state.Participants.All(x => x.Role != ParticipantRole.ProtocolKeeper));

    private bool ConfirmsProtocol(Participant p) => Method.Confirmer switch
    {
        ProtocolConfirmer.CasePresenter => p.Role == ParticipantRole.CasePresenter,
        ProtocolConfirmer.Moderator => p.Role == ParticipantRole.Moderator,
        ProtocolConfirmer.CoordinatingContact => _state.CoordinatingContactId is { } id
            ? p.Id == id
            : p.Role == ParticipantRole.CasePresenter,
        _ => false,
    };

    /// <summary>
    /// Who must confirm the protocol (case presenter, coordinating contact or moderator, as the method says), so the
    /// cards can name them and the bot can @mention them when the session ends.
    /// </summary>
    public IReadOnlyList<Participant> ProtocolConfirmers() => _state.Participants.Where(ConfirmsProtocol).ToList();

    /// <summary>What the participant may do now (for buttons); the command handlers apply the same rules.</summary>
    public ParticipantCapabilities CapabilitiesOf(string participantId)
    {
        var p = Find(participantId);
        if (p is null)
        {
            return new ParticipantCapabilities();
        }

        var live = Status is SessionStatus.Running or SessionStatus.Paused;
        var phase = live ? CurrentPhase : null;
        bool Allowed(PhaseAction action) => phase?.RuleFor(action)?.Roles.Contains(p.Role) == true;
        var protocolOpen = _state.ProtocolVersions.Count == 0 || _state.CorrectionPending;
        return new ParticipantCapabilities
        {
            Role = p.Role,
            CanRunClock = p.Role == ParticipantRole.Moderator && Status is SessionStatus.Prepared or SessionStatus.Running or SessionStatus.Paused,
            CanAssignRoles = p.Role == ParticipantRole.Moderator && Status is SessionStatus.Prepared or SessionStatus.Running or SessionStatus.Paused,
            ContributionKinds = phase is null ? [] : [.. phase.Contributions.Where(c => c.Roles.Contains(p.Role)).Select(c => c.Kind)],
            CanSetFocusQuestion = Allowed(PhaseAction.SetFocusQuestion),
            CanChooseIdeas = Allowed(PhaseAction.ChooseIdea),
            CanRecordAgreements = Allowed(PhaseAction.RecordAgreement),
            CanReviewEarlierAgreements = Status is SessionStatus.Prepared or SessionStatus.Running or SessionStatus.Paused && MayReview(p),
            CanEditProtocol = KeepsProtocol(p) && (live || (Status == SessionStatus.Completed && protocolOpen)),
            CanConfirmProtocol = ConfirmsProtocol(p) && Status == SessionStatus.Completed && protocolOpen,
            CanCorrectProtocol = (KeepsProtocol(p) || ConfirmsProtocol(p)) && !protocolOpen && _state.ProtocolVersions.Count < SessionLimits.MaxProtocolVersions,
        };
    }
}

using GbbTeamsBot.Application;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Participation;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Resources;

namespace GbbTeamsBot.Teams.Participation;

/// <summary>
/// What participation adds to the session cards: "Teilnehmen" for people who are not (yet) in the session, the
/// hand-over form and "Verlassen", the external view for guests and other agencies (the phase, their own entries,
/// the agreements; nothing internal), and plain language for the person and their lifeworld.
/// </summary>
public static class ParticipationScreens
{
    /// <summary>Roles the hand-over form can offer, in the card's order.</summary>
    private static readonly ParticipantRole[] OfferedRoles =
    [
        ParticipantRole.Moderator,
        ParticipantRole.ProtocolKeeper,
        ParticipantRole.Adviser,
        ParticipantRole.ExternalProfessional,
        ParticipantRole.PersonConcerned,
        ParticipantRole.LifeworldSupporter,
    ];

    /// <summary>Whether <paramref name="viewerId"/> sees the external view: a guest, someone of another agency, the person or their lifeworld, or someone who has not joined.</summary>
    public static bool SeesExternalView(SessionView session, string viewerId)
    {
        ArgumentNullException.ThrowIfNull(session);
        var participant = session.State.Participants.FirstOrDefault(p => p.Id == viewerId);
        return participant is null || participant.IsExternal || ParticipantRoles.PlainLanguageRoles.Contains(participant.Role);
    }

    /// <summary>
    /// The card an external viewer gets instead of <paramref name="requested"/>: after a withdrawn consent nothing of the
    /// case; otherwise the agreements editor when asked for (it holds only this session's agreements) and the live
    /// card's external view for everything else (no Ressourcenkarte, no protocol, no other cases). Null: the
    /// viewer is a colleague in the session and gets the normal screen.
    /// </summary>
    public static AdaptiveCard? ForExternalViewer(SessionView session, string? requested, string viewerId, CardContext context, MessageView? notice)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(context);
        var joined = session.State.Participants.Any(p => p.Id == viewerId);
        if (!SeesExternalView(session, viewerId) || (!joined && session.Status is SessionStatus.Completed or SessionStatus.Cancelled))
        {
            // Colleagues in the session, and anyone for a finished session's record in its own conversation (the
            // team's lists are not offered to guests): the normal screen.
            return null;
        }

        if (joined && session.State.Consent is { IsWithdrawn: true })
        {
            return SessionScreens.Message(TeamsTexts.For(context.Language)["Participation_ConsentWithdrawnForExternal"], isError: false);
        }

        if (session.Status is SessionStatus.Completed && joined
            || requested == CardViews.Agreements && joined && session.Status is SessionStatus.Running or SessionStatus.Paused)
        {
            return AgreementsEditorCard.Build(SessionViewMapper.AgreementsEditor(session, viewerId, notice), context);
        }

        if (session.Status is SessionStatus.Completed or SessionStatus.Cancelled)
        {
            return ActionResultCard.Build(new MessageView(MessageCode.SessionAlreadyFinished), context);
        }

        if (session.Method.RequiresConsent && session.Status == SessionStatus.Prepared && session.State.Consent is null)
        {
            // The consent step: the external viewer sees it (it names the agencies), without the moderator's inputs.
            return HelperConferenceCards.BuildConsent(SessionViewMapper.Consent(session, viewerId, context.Now), context);
        }

        return LiveSessionCard.Build(SessionViewMapper.Live(session, viewerId, context.Language, context.Now, notice), context);
    }

    /// <summary>Adds join, hand-over, leave, the external view and plain language to the live view of <paramref name="viewerId"/>.</summary>
    public static LiveSessionView Decorate(LiveSessionView view, SessionView session, string? viewerId)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(session);
        var state = session.State;
        var open = state.Status is SessionStatus.Prepared or SessionStatus.Running or SessionStatus.Paused;
        var withdrawn = state.Consent is { IsWithdrawn: true };
        var participant = viewerId is null ? null : state.Participants.FirstOrDefault(p => p.Id == viewerId);
        view = view with { JoinOffered = open && participant is null, ConsentWithdrawn = withdrawn };
        if (viewerId is null)
        {
            return view;
        }

        if (participant is null)
        {
            // Not (yet) in the session: the phase and "Teilnehmen", nothing of the case's content.
            return view with { IsExternalView = true, Contributions = [], Agreements = [], RoleHolders = [] };
        }

        if (SeesExternalView(session, viewerId))
        {
            var own = state.Contributions.Where(c => c.AuthorId == viewerId).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            view = view with
            {
                IsExternalView = true,
                PlainLanguage = session.Method.PlainLanguage && ParticipantRoles.PlainLanguageRoles.Contains(participant.Role),
                Contributions = [.. view.Contributions.Where(c => c.Kind == Cards.ViewModels.ContributionKind.FocusQuestion || own.Contains(c.ContributionId))],
                RoleHolders = [],
                ProtocolConfirmers = [],
            };
        }

        var roles = HandOverRoles(session, participant);
        var targets = roles.Count == 0
            ? []
            : state.Participants
                .Where(p => p.Id != participant.Id)
                .Select(p => new MemberView(p.Id, p.DisplayName))
                .ToList();
        return view with
        {
            MayLeave = open && session.MayLeave(participant.Role),
            HandOverTargets = open ? targets : [],
            HandOverRoles = open && targets.Count > 0 ? roles : [],
        };
    }

    /// <summary>The roles the form offers: the moderator's choice of seats, or one's own role to hand over.</summary>
    private static IReadOnlyList<RoleKind> HandOverRoles(SessionView session, Participant participant)
    {
        if (participant.IsExternal)
        {
            return [];
        }

        if (participant.Role == ParticipantRole.Moderator)
        {
            return [.. OfferedRoles.Where(r => session.Method.RuleFor(r) is { Max: > 0 }).Select(CardVocabulary.Role)];
        }

        return participant.Role is ParticipantRole.ProtocolKeeper or ParticipantRole.CasePresenter
            ? [CardVocabulary.Role(participant.Role)]
            : [];
    }

    /// <summary>The domain role of a hand-over form's choice (the card's vocabulary).</summary>
    public static ParticipantRole? RoleOf(RoleKind kind) => kind switch
    {
        RoleKind.Moderation => ParticipantRole.Moderator,
        RoleKind.Protokoll => ParticipantRole.ProtocolKeeper,
        RoleKind.Falleinbringend => ParticipantRole.CasePresenter,
        RoleKind.Beratend => ParticipantRole.Adviser,
        RoleKind.BetroffenePerson => ParticipantRole.PersonConcerned,
        RoleKind.Helfersystem => ParticipantRole.ExternalProfessional,
        RoleKind.Umfeld => ParticipantRole.LifeworldSupporter,
        RoleKind.Teilnehmend => ParticipantRole.Guest,
        _ => null,
    };
}

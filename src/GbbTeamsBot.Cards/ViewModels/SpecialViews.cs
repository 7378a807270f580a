namespace GbbTeamsBot.Cards.ViewModels;

/// <summary>Ressourcenkarte: the resources of one case by area (contributions of kind Resource).</summary>
public sealed record ResourceMapView(SessionRef Session, string CasePseudonym, IReadOnlyList<ContributionView> Resources)
{
    /// <summary>Sozialraum resources can be offered to the team's Sozialraumwissen with one button.</summary>
    public bool OffersToKnowledge { get; init; }

    /// <summary>The answer to such an offer (already localised).</summary>
    public KnowledgeNotice? Notice { get; init; }
}

/// <summary>Ampeltorte: entries per life domain and traffic light (contributions of kind Ampeltorte).</summary>
public sealed record AmpeltorteView(SessionRef Session, string CasePseudonym, IReadOnlyList<ContributionView> Entries);

/// <summary>Ideas by level; the case presenter chooses what fits the person's will.</summary>
public sealed record IdeasView(SessionRef Session, string CasePseudonym, IReadOnlyList<ContributionView> Ideas)
{
    public bool ViewerIsCasePresenter { get; init; }
}

/// <summary>The agreements of a session with an editor for what, who, by when.</summary>
public sealed record AgreementsEditorView(
    SessionRef Session,
    MethodKind Method,
    string CasePseudonym,
    IReadOnlyList<AgreementView> Agreements)
{
    public bool ViewerMayEdit { get; init; }

    public MessageView? Notice { get; init; }

    /// <summary>Colleagues in the session who can be made responsible for an agreement (and then get its reminders).</summary>
    public IReadOnlyList<MemberView> TeamMembers { get; init; } = [];
}

/// <summary>Everything the protocol and the copy-ready record text show.</summary>
public sealed record ProtocolView(
    SessionRef Session,
    MethodKind Method,
    string CasePseudonym,
    DateTimeOffset StartedAt,
    IReadOnlyList<PhaseView> Phases,
    IReadOnlyList<ContributionView> Contributions,
    IReadOnlyList<AgreementView> Agreements)
{
    public DateTimeOffset? EndedAt { get; init; }

    public IReadOnlyList<RoleHolderView> RoleHolders { get; init; } = [];

    /// <summary>Agreements of earlier meetings on this case, reviewed ("what became of them?").</summary>
    public IReadOnlyList<AgreementView> EarlierAgreements { get; init; } = [];

    /// <summary>Display names of those who confirmed the protocol.</summary>
    public IReadOnlyList<string> ConfirmedBy { get; init; } = [];

    public bool ViewerMayConfirm { get; init; }

    public bool ViewerHasConfirmed { get; init; }

    /// <summary>The copy-ready record for the case file as the domain renders it (seven parts); null: composed from this view.</summary>
    public string? RecordText { get; init; }

    /// <summary>The version shown: the latest confirmed one, or the one a pending correction will become.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The Protokoll role's texts.</summary>
    public string? Summary { get; init; }

    public string? NeedsAndObstacles { get; init; }

    /// <summary>The viewer keeps the protocol and it is not confirmed yet: summary and needs/obstacles can be typed.</summary>
    public bool ViewerMayEditTexts { get; init; }

    /// <summary>The protocol is confirmed and the viewer may correct it (a new version, confirmed again).</summary>
    public bool ViewerMayCorrect { get; init; }

    /// <summary>A Sozialraum-Runde's protocol before confirmation: the confirmer may see what it adds to the Sozialraumwissen.</summary>
    public bool OffersKnowledgeProposal { get; init; }

    /// <summary>What confirming adds to the Sozialraumwissen, when the viewer asked for it (null: only the button).</summary>
    public IReadOnlyList<KnowledgeProposalView>? KnowledgeProposal { get; init; }
}

/// <summary>Helferkonferenz consent step: no consent, no conference.</summary>
public sealed record ConsentView(SessionRef Session, string CasePseudonym)
{
    public bool ConsentConfirmed { get; init; }

    public bool ReleaseConfirmed { get; init; }

    public string? ConfirmedByName { get; init; }

    public DateTimeOffset? ConfirmedAt { get; init; }

    public bool ViewerIsModerator { get; init; }

    /// <summary>The method the consent is for: the card speaks of a Helferkonferenz or of the Beratung.</summary>
    public MethodKind Method { get; init; } = MethodKind.Helferkonferenz;

    /// <summary>The agencies in the conversation (external participants' organisations) to choose from.</summary>
    public IReadOnlyList<string> AgencyChoices { get; init; } = [];

    /// <summary>The recorded consent: agencies, purpose, giver, validity, whether the person takes part.</summary>
    public IReadOnlyList<string> Agencies { get; init; } = [];

    public string? Purpose { get; init; }

    public ConsentGiverKind? GivenBy { get; init; }

    public DateOnly? ValidUntil { get; init; }

    /// <summary>The date "gültig bis" offers (end of the help planning, at most one year).</summary>
    public DateOnly DefaultValidUntil { get; init; }

    public DateOnly MaxValidUntil { get; init; }

    public bool PersonTakesPart { get; init; }

    public DateTimeOffset? WithdrawnAt { get; init; }

    /// <summary>Moderator or case presenter, while a recorded consent is not withdrawn.</summary>
    public bool ViewerMayWithdraw { get; init; }

    /// <summary>The viewer is not in the session (or it is the shared card): offer "Teilnehmen".</summary>
    public bool JoinOffered { get; init; }
}

/// <summary>Helferkonferenz round of the helper systems: each agency's mandate and current activities.</summary>
public sealed record HelperRoundView(SessionRef Session, string CasePseudonym, IReadOnlyList<ContributionView> HelperSystems)
{
    public bool ViewerMayAdd { get; init; }

    public IReadOnlyList<string> RefreshUserIds { get; init; } = [];
}

/// <summary>Sozialraum-Runde: guiding questions and categorised entries.</summary>
public sealed record SozialraumRundeView(SessionRef Session, string Neighbourhood, IReadOnlyList<ContributionView> Entries)
{
    public DateTimeOffset? EndsAt { get; init; }

    public bool ViewerMayAdd { get; init; } = true;

    public bool ViewerIsModerator { get; init; }

    public IReadOnlyList<string> RefreshUserIds { get; init; } = [];

    /// <summary>The viewer is not in the round (or it is the shared card): offer "Teilnehmen".</summary>
    public bool JoinOffered { get; init; }
}

public sealed record AgendaItemView(string Title, AgendaItemKind Kind, int PlannedMinutes, PhaseStatus Status)
{
    public int? ActualMinutes { get; init; }

    public string? CasePseudonym { get; init; }
}

/// <summary>Team meeting agenda with timeboxes and the running item.</summary>
public sealed record AgendaView(SessionRef Session, string MeetingTitle, IReadOnlyList<AgendaItemView> Items)
{
    public int? RunningIndex { get; init; }

    public DateTimeOffset? ItemEndsAt { get; init; }

    public DateTimeOffset? MeetingEndsAt { get; init; }

    public bool ViewerIsModerator { get; init; }

    public IReadOnlyList<string> RefreshUserIds { get; init; } = [];
}

/// <summary>One open agreement in a team's list, with the session it belongs to.</summary>
public sealed record OpenAgreementView(SessionRef Session, MethodKind Method, string CasePseudonym, AgreementView Agreement);

public sealed record OpenAgreementsView(string TeamName, IReadOnlyList<OpenAgreementView> Items)
{
    /// <summary>The agreement just ticked off: shown on top with "Rückgängig" while this list is open.</summary>
    public OpenAgreementView? JustDone { get; init; }

    /// <summary>The page shown, counted from 0 (<see cref="Screens.OpenAgreementsCard.PageSize"/> agreements each).</summary>
    public int Page { get; init; }
}

public sealed record ProtocolListItemView(SessionRef Session, MethodKind Method, string CasePseudonym, DateTimeOffset HeldAt)
{
    public bool IsConfirmed { get; init; }
}

public sealed record ProtocolListView(string TeamName, IReadOnlyList<ProtocolListItemView> Items);

/// <summary>Where a case's deletion stands on the card that asks for it.</summary>
public enum CaseDeletionStage
{
    /// <summary>What would be deleted, with "Endgültig löschen" when the viewer may.</summary>
    Preview,

    /// <summary>The data changed since the preview: the new counts, to confirm again.</summary>
    Changed,

    Deleted,
    Cancelled,
}

/// <summary>The deletion of everything a team holds about one case: counts only, never content.</summary>
public sealed record CaseDeletionView(CaseDeletionStage Stage, string CasePseudonym, int Sessions, int Protocols, int Agreements)
{
    /// <summary>Why the viewer cannot delete now (open session, not a moderator); no delete button then.</summary>
    public string? Refusal { get; init; }
}

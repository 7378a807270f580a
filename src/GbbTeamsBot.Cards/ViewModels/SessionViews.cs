namespace GbbTeamsBot.Cards.ViewModels;

/// <summary>One phase on the timeline. Minutes are whole minutes; actual is null until the phase ran.</summary>
public sealed record PhaseView(PhaseKind Kind, int PlannedMinutes, PhaseStatus Status)
{
    public int? ActualMinutes { get; init; }

    /// <summary>Title for agenda items (<see cref="PhaseKind.Tagesordnungspunkt"/>); overrides the phase name.</summary>
    public string? CustomTitle { get; init; }
}

/// <summary>Who looks at the card and what they may do. The live card is rendered once per role.</summary>
public sealed record ViewerView(string UserId, IReadOnlyList<RoleKind> Roles)
{
    public bool IsModerator => Roles.Contains(RoleKind.Moderation);

    public bool IsCasePresenter => Roles.Contains(RoleKind.Falleinbringend);

    /// <summary>No particular viewer: the shared card everyone sees until their own view arrives.</summary>
    public bool IsShared => string.IsNullOrEmpty(UserId);

    /// <summary>The input the viewer's role may use in the current phase; null shows none.</summary>
    public ContributionKind? MayAdd { get; init; }
}

/// <summary>A contribution; which optional fields are set depends on <see cref="Kind"/>.</summary>
public sealed record ContributionView(string ContributionId, ContributionKind Kind, string Text)
{
    /// <summary>Taken from the team's Sozialraumwissen ("Aus dem Sozialraumwissen").</summary>
    public bool IsFromCatalogue { get; init; }

    /// <summary>The phase (0-based) the entry was made in; null for the focus question and unknown phases.</summary>
    public int? PhaseIndex { get; init; }

    public string? AuthorName { get; init; }

    public ResourceArea? Area { get; init; }

    public IdeaLevel? Level { get; init; }

    /// <summary>The case presenter picked this idea (the person's will leads).</summary>
    public bool IsChosen { get; init; }

    public LifeDomain? Domain { get; init; }

    public TrafficLight? Light { get; init; }

    public RoundCategory? Category { get; init; }

    public string? Place { get; init; }

    public string? Agency { get; init; }

    public string? Mandate { get; init; }

    public string? CurrentActivities { get; init; }
}

/// <summary>An agreed next step: what, who, by when.</summary>
public sealed record AgreementView(string AgreementId, string What, string Who, ResponsibleParty Party)
{
    public DateOnly? Due { get; init; }

    public bool IsDone { get; init; }

    /// <summary>Helferkonferenz: the one coordinating contact person.</summary>
    public bool IsCoordinator { get; init; }

    /// <summary>What became of it (earlier agreements under review show every status).</summary>
    public AgreementProgress Progress { get; init; }

    /// <summary>"Nicht erledigt": the short reason.</summary>
    public string? Reason { get; init; }

    public GoalLevelKind? Goal { get; init; }
}

/// <summary>
/// The running session as one viewer sees it. Times are instants; the card shows them in the
/// <see cref="CardContext.TimeZoneId"/> of the context.
/// </summary>
public sealed record LiveSessionView(
    SessionRef Session,
    MethodKind Method,
    string CasePseudonym,
    IReadOnlyList<PhaseView> Phases,
    int CurrentPhaseIndex,
    ViewerView Viewer)
{
    public DateTimeOffset? PhaseEndsAt { get; init; }

    public bool IsPaused { get; init; }

    /// <summary>Remaining time of the phase when paused (the clock stands still).</summary>
    public TimeSpan? RemainingWhenPaused { get; init; }

    /// <summary>The phase's warning deadline fired (the end is near). Set by stored deadlines, not by the viewer's clock.</summary>
    public bool PhaseEndingSoon { get; init; }

    /// <summary>The phase's end deadline fired and the phase runs on (over time).</summary>
    public bool PhaseOverdue { get; init; }

    /// <summary>Who must confirm the protocol when the session ends (names), shown to the moderator.</summary>
    public IReadOnlyList<string> ProtocolConfirmers { get; init; } = [];

    public IReadOnlyList<RoleHolderView> RoleHolders { get; init; } = [];

    public IReadOnlyList<ContributionView> Contributions { get; init; } = [];

    public IReadOnlyList<AgreementView> Agreements { get; init; } = [];

    /// <summary>Agreements of earlier sessions of the case, reviewed first ("was ist daraus geworden?").</summary>
    public IReadOnlyList<AgreementView> EarlierAgreements { get; init; } = [];

    /// <summary>The viewer may set the status of earlier agreements (moderator, protocol keeper, case presenter).</summary>
    public bool ViewerMayReview { get; init; }

    /// <summary>Users whose Teams client refreshes the card for their own view; the first 60 are used.</summary>
    public IReadOnlyList<string> RefreshUserIds { get; init; } = [];

    /// <summary>Error or confirmation line shown on top, e.g. after a rejected action.</summary>
    public MessageView? Notice { get; init; }

    /// <summary>The viewer is not a participant (or it is the shared card): offer "Teilnehmen".</summary>
    public bool JoinOffered { get; init; }

    /// <summary>A participant who may leave (everyone but the moderator, who hands over first).</summary>
    public bool MayLeave { get; init; }

    /// <summary>Who the viewer can hand a role to, and which roles (empty: no hand-over form).</summary>
    public IReadOnlyList<MemberView> HandOverTargets { get; init; } = [];

    public IReadOnlyList<RoleKind> HandOverRoles { get; init; } = [];

    /// <summary>
    /// A guest or someone from another agency: the card shows the phase, their own entries and the agreements,
    /// no internal notes, no other views and no lists of the team.
    /// </summary>
    public bool IsExternalView { get; init; }

    /// <summary>The viewer is the person or from their lifeworld in a method in plain language: short, simple texts.</summary>
    public bool PlainLanguage { get; init; }

    /// <summary>The person withdrew their consent: external viewers see nothing of the case any more.</summary>
    public bool ConsentWithdrawn { get; init; }

    /// <summary>The Ressourcensammlung offers "Aus dem Sozialraumwissen" to those who may add resources.</summary>
    public bool OffersKnowledge { get; init; }

    /// <summary>The catalogue entries matching the consultation, when the viewer asked for them (null: only the button).</summary>
    public IReadOnlyList<KnowledgeSuggestionView>? KnowledgeSuggestions { get; init; }
}

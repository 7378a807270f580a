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

    /// <summary>Users whose Teams client refreshes the card for their own view; the first 60 are used.</summary>
    public IReadOnlyList<string> RefreshUserIds { get; init; } = [];

    /// <summary>Error or confirmation line shown on top, e.g. after a rejected action.</summary>
    public MessageView? Notice { get; init; }

    /// <summary>The Ressourcensammlung offers "Aus dem Sozialraumwissen" to those who may add resources.</summary>
    public bool OffersKnowledge { get; init; }

    /// <summary>The catalogue entries matching the consultation, when the viewer asked for them (null: only the button).</summary>
    public IReadOnlyList<KnowledgeSuggestionView>? KnowledgeSuggestions { get; init; }
}

using GbbTeamsBot.Domain.Methods;

namespace GbbTeamsBot.Domain.Contributions;

/// <summary>
/// A stored contribution (flat, serialisable). <see cref="Text"/> holds the main text of every kind; the
/// kind-specific fields are null for other kinds. The author id is kept for edit rights even when the session shows
/// advisers' entries anonymously (<see cref="Anonymous"/>); views must not show it then.
/// </summary>
public sealed record Contribution
{
    public required string Id { get; init; }

    public required ContributionKind Kind { get; init; }

    public required int PhaseIndex { get; init; }

    public required string AuthorId { get; init; }

    public required ParticipantRole AuthorRole { get; init; }

    public bool Anonymous { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? EditedAt { get; init; }

    public bool Withdrawn { get; init; }

    /// <summary>Hidden by the moderator: kept for the record of what happened, never shown or put in a protocol.</summary>
    public bool Hidden { get; init; }

    /// <summary>For ideas: chosen by the case presenter or the person (the person's will decides).</summary>
    public bool Chosen { get; init; }

    /// <summary>The author confirmed to keep the text despite privacy or wording warnings.</summary>
    public bool KeptDespiteWarnings { get; init; }

    public string Text { get; init; } = string.Empty;

    public ResourceArea? ResourceArea { get; init; }

    public IdeaLevel? IdeaLevel { get; init; }

    public LifeDomain? LifeDomain { get; init; }

    public TrafficLight? TrafficLight { get; init; }

    public NeighbourhoodCategory? NeighbourhoodCategory { get; init; }

    public string? Place { get; init; }

    public string? Agency { get; init; }

    public string? Mandate { get; init; }

    public string? ObservedNeed { get; init; }

    public string? Goal { get; init; }

    public string? Partners { get; init; }

    public string? ResourcesAtHand { get; init; }

    /// <summary>For resources taken from the team's Sozialraumwissen: the catalogue entry (marks it as from the catalogue).</summary>
    public string? KnowledgeEntryId { get; init; }

    /// <summary>Visible in views and protocols: not withdrawn and not hidden.</summary>
    public bool IsVisible => !Withdrawn && !Hidden;

    /// <summary>The author to show, or null when the entry is anonymous.</summary>
    public string? VisibleAuthorId => Anonymous ? null : AuthorId;
}

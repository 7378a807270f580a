using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Methods;

namespace GbbTeamsBot.Domain.Protocol;

/// <summary>
/// The protocol of a session as structured data, assembled by <see cref="ProtocolBuilder"/>. It carries no author
/// ids and never the person's name; participants appear by role (staff roles with their display name, partner
/// agencies by organisation, the person and lifeworld supporters by role only).
/// </summary>
public sealed record ProtocolDocument
{
    public required string SessionId { get; init; }

    /// <summary>1 for the first confirmed protocol; corrections count up.</summary>
    public required int Version { get; init; }

    public required bool IsConfirmed { get; init; }

    public required string MethodId { get; init; }

    public required Bilingual MethodName { get; init; }

    /// <summary>When the session started (the application passes instants with the team's local offset).</summary>
    public DateTimeOffset? Date { get; init; }

    public string? CaseReference { get; init; }

    public IReadOnlyList<ProtocolParticipant> Participants { get; init; } = [];

    /// <summary>Helferkonferenz: the name of the one coordinating contact, if designated.</summary>
    public string? CoordinatingContact { get; init; }

    /// <summary>Who joined, changed role or left during the session, with the time (staff by name, others by role).</summary>
    public IReadOnlyList<ProtocolParticipationChange> ParticipationChanges { get; init; } = [];

    /// <summary>The consent the session relied on, as recorded (null for methods without consent).</summary>
    public ProtocolConsent? Consent { get; init; }

    public string? FocusQuestion { get; init; }

    public ProtocolProjectBrief? ProjectBrief { get; init; }

    public IReadOnlyList<string> ClarifyingQuestions { get; init; } = [];

    public IReadOnlyList<ProtocolAmpelEntry> Ampeltorte { get; init; } = [];

    public IReadOnlyList<ProtocolResource> Resources { get; init; } = [];

    public IReadOnlyList<ProtocolIdea> Ideas { get; init; } = [];

    public IReadOnlyList<ProtocolHelperSystem> HelperSystems { get; init; } = [];

    public IReadOnlyList<ProtocolNeighbourhoodEntry> NeighbourhoodEntries { get; init; } = [];

    public IReadOnlyList<string> Statements { get; init; } = [];

    public IReadOnlyList<ProtocolAgreement> Agreements { get; init; } = [];

    public IReadOnlyList<ProtocolAgreement> EarlierAgreements { get; init; } = [];

    public IReadOnlyList<ProtocolTiming> Timing { get; init; } = [];

    public TimeSpan PlannedTotal { get; init; }

    public TimeSpan ActualTotal { get; init; }

    public bool EndedEarly { get; init; }

    public string? Summary { get; init; }

    public string? NeedsAndObstacles { get; init; }

    public string? Notes { get; init; }

    /// <summary>The role of whoever confirmed this version (no name), when confirmed.</summary>
    public ParticipantRole? ConfirmedByRole { get; init; }

    public DateTimeOffset? ConfirmedAt { get; init; }

    public string? CorrectionReason { get; init; }
}

public sealed record ProtocolParticipant(ParticipantRole Role, string? Label);

public sealed record ProtocolParticipationChange(Sessions.ParticipationChangeKind Kind, ParticipantRole Role, string? Label, DateTimeOffset At);

/// <summary>The consent state in the record: agencies, purpose, giver (by role), validity, withdrawal.</summary>
public sealed record ProtocolConsent(
    IReadOnlyList<string> Agencies,
    string? Purpose,
    Consent.ConsentGiver GivenBy,
    DateTimeOffset ValidUntil,
    bool PersonTakesPart,
    bool IncludesReleaseFromConfidentiality,
    DateTimeOffset? WithdrawnAt);

public sealed record ProtocolProjectBrief(string Project, string ObservedNeed, string Goal, string PeopleAndPartners, string? ResourcesAtHand);

public sealed record ProtocolAmpelEntry(LifeDomain Domain, TrafficLight Light, string? Note);

public sealed record ProtocolResource(ResourceArea Area, string Text);

public sealed record ProtocolIdea(IdeaLevel Level, string Text, bool Chosen);

public sealed record ProtocolHelperSystem(string Agency, string Mandate, string CurrentActivities);

public sealed record ProtocolNeighbourhoodEntry(NeighbourhoodCategory Category, string Text, string? Place);

public sealed record ProtocolAgreement(
    string What,
    AgreementOwner? Owner,
    string? OwnerDetail,
    DateOnly? DueBy,
    GoalLevel? GoalLevel,
    AgreementStatus Status,
    IReadOnlyList<AgreementHint> Hints);

public sealed record ProtocolTiming(string PhaseKey, Bilingual PhaseName, TimeSpan Planned, TimeSpan Actual, bool Skipped);

using GbbTeamsBot.Domain.Common;

namespace GbbTeamsBot.Domain.Methods;

/// <summary>
/// A facilitation method as data: phases, roles, time budget and preconditions. Adding a method is adding one of
/// these to the catalogue; the session engine has no method-specific code paths.
/// </summary>
public sealed record MethodDefinition
{
    public required string Id { get; init; }

    /// <summary>Bumped when the method's data changes in a way stored sessions should know about.</summary>
    public int Revision { get; init; } = 1;

    public required Bilingual Name { get; init; }

    public required Bilingual Summary { get; init; }

    public required TimeBudgetRule Budget { get; init; }

    public required IReadOnlyList<PhaseDefinition> Phases { get; init; }

    public required IReadOnlyList<RoleRule> Roles { get; init; }

    /// <summary>A consent record (valid at start) is a precondition, e.g. participatory variant and helper conference.</summary>
    public bool RequiresConsent { get; init; }

    /// <summary>Sessions must reference a case by pseudonym.</summary>
    public bool RequiresCaseReference { get; init; }

    /// <summary>Texts shown to participants should be in plain language (participatory settings).</summary>
    public bool PlainLanguage { get; init; }

    /// <summary>
    /// "Weiter" ends the whole method at once (the Sozialraum-Runde's one "Runde beenden" button): its phases are
    /// guiding questions of one round, not steps the moderator moves through one by one.
    /// </summary>
    public bool RunsThroughOnNext { get; init; }

    public ProtocolConfirmer Confirmer { get; init; } = ProtocolConfirmer.CasePresenter;

    /// <summary>Role given to colleagues of the own organisation when they join.</summary>
    public ParticipantRole DefaultMemberRole { get; init; } = ParticipantRole.Adviser;

    /// <summary>Role given to people from outside the tenant (guests, anonymous video participants) when they join.</summary>
    public ParticipantRole DefaultExternalRole { get; init; } = ParticipantRole.Guest;

    public TimeSpan DefaultTotal => Phases.Aggregate(TimeSpan.Zero, (sum, phase) => sum + phase.DefaultDuration);

    public RoleRule? RuleFor(ParticipantRole role) => Roles.FirstOrDefault(rule => rule.Role == role);
}

/// <summary>Allowed total time at planning, and how far the moderator may extend it while running.</summary>
public sealed record TimeBudgetRule(TimeSpan MinTotal, TimeSpan MaxTotal, TimeSpan MaxExtension);

/// <summary>How many participants may (and must, to start) hold a role.</summary>
public sealed record RoleRule(ParticipantRole Role, int MinToStart, int Max);

/// <summary>One timed phase: names, guidance prompt, default duration, and what which role may contribute.</summary>
public sealed record PhaseDefinition
{
    public required string Key { get; init; }

    public required Bilingual Name { get; init; }

    public required Bilingual Guidance { get; init; }

    public required TimeSpan DefaultDuration { get; init; }

    public IReadOnlyList<ContributionRule> Contributions { get; init; } = [];

    public IReadOnlyList<ActionRule> Actions { get; init; } = [];

    public ContributionRule? RuleFor(ContributionKind kind) => Contributions.FirstOrDefault(rule => rule.Kind == kind);

    public ActionRule? RuleFor(PhaseAction action) => Actions.FirstOrDefault(rule => rule.Action == action);
}

public sealed record ContributionRule(ContributionKind Kind, IReadOnlyList<ParticipantRole> Roles);

public sealed record ActionRule(PhaseAction Action, IReadOnlyList<ParticipantRole> Roles);

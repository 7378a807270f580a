using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Methods;

namespace GbbTeamsBot.Domain.Contributions;

/// <summary>What a participant submits; one type per contribution kind so each carries exactly its fields.</summary>
public abstract record ContributionDraft
{
    public abstract ContributionKind Kind { get; }

    internal abstract IReadOnlyList<TextInput> Texts { get; }

    /// <summary>Copies the draft's fields onto a stored contribution (kind-specific fields only).</summary>
    internal abstract Contribution ApplyTo(Contribution target);

    protected static TextInput Entry(string field, Bilingual label, string? value, bool required = true) =>
        new(field, label, value, TextRules.EntryMaxLength, required);

    protected static TextInput Short(string field, Bilingual label, string? value, bool required = true) =>
        new(field, label, value, TextRules.ShortTextMaxLength, required);

    protected static readonly Bilingual TextLabel = new("Text", "Text");
}

public sealed record ClarifyingQuestionDraft(string Text) : ContributionDraft
{
    public override ContributionKind Kind => ContributionKind.ClarifyingQuestion;

    internal override IReadOnlyList<TextInput> Texts => [Entry("text", Labels.For(Kind), Text)];

    internal override Contribution ApplyTo(Contribution target) => target with { Text = Text.Trim() };
}

public sealed record ResourceDraft(ResourceArea Area, string Text) : ContributionDraft
{
    public override ContributionKind Kind => ContributionKind.Resource;

    /// <summary>The Sozialraumwissen entry this resource was taken from, if any.</summary>
    public string? KnowledgeEntryId { get; init; }

    internal override IReadOnlyList<TextInput> Texts => [Entry("text", Labels.For(Kind), Text)];

    internal override Contribution ApplyTo(Contribution target) => target with { Text = Text.Trim(), ResourceArea = Area, KnowledgeEntryId = KnowledgeEntryId };
}

public sealed record IdeaDraft(IdeaLevel Level, string Text) : ContributionDraft
{
    public override ContributionKind Kind => ContributionKind.Idea;

    internal override IReadOnlyList<TextInput> Texts => [Entry("text", Labels.For(Kind), Text)];

    internal override Contribution ApplyTo(Contribution target) => target with { Text = Text.Trim(), IdeaLevel = Level };
}

/// <summary>An Ampeltorte entry: one life domain rated green, yellow or red, with an optional factual note.</summary>
public sealed record AmpelDraft(LifeDomain Domain, TrafficLight Light, string? Note) : ContributionDraft
{
    public override ContributionKind Kind => ContributionKind.AmpelEntry;

    internal override IReadOnlyList<TextInput> Texts => [Entry("note", new("Notiz", "Note"), Note, required: false)];

    internal override Contribution ApplyTo(Contribution target) =>
        target with { Text = TextRules.Clean(Note) ?? string.Empty, LifeDomain = Domain, TrafficLight = Light };
}

public sealed record NeighbourhoodDraft(NeighbourhoodCategory Category, string Text, string? Place) : ContributionDraft
{
    public override ContributionKind Kind => ContributionKind.NeighbourhoodEntry;

    internal override IReadOnlyList<TextInput> Texts =>
    [
        Entry("text", Labels.For(Kind), Text),
        Short("place", new("Ort", "Place"), Place, required: false),
    ];

    internal override Contribution ApplyTo(Contribution target) =>
        target with { Text = Text.Trim(), NeighbourhoodCategory = Category, Place = TextRules.Clean(Place) };
}

/// <summary>A helper system in a helper conference: the agency, its mandate and what it currently does.</summary>
public sealed record HelperSystemDraft(string Agency, string Mandate, string CurrentActivities) : ContributionDraft
{
    public override ContributionKind Kind => ContributionKind.HelperSystemEntry;

    internal override IReadOnlyList<TextInput> Texts =>
    [
        Short("agency", new("Stelle", "Agency"), Agency),
        Entry("mandate", new("Auftrag", "Mandate"), Mandate),
        Entry("activities", new("Aktuelle Tätigkeiten", "Current activities"), CurrentActivities),
    ];

    internal override Contribution ApplyTo(Contribution target) =>
        target with { Agency = Agency.Trim(), Mandate = Mandate.Trim(), Text = CurrentActivities.Trim() };
}

public sealed record StatementDraft(string Text) : ContributionDraft
{
    public override ContributionKind Kind => ContributionKind.Statement;

    internal override IReadOnlyList<TextInput> Texts => [Entry("text", Labels.For(Kind), Text)];

    internal override Contribution ApplyTo(Contribution target) => target with { Text = Text.Trim() };
}

/// <summary>The structured input of a neighbourhood project (method guide §3.4).</summary>
public sealed record ProjectBriefDraft(string Project, string ObservedNeed, string Goal, string PeopleAndPartners, string? ResourcesAtHand)
    : ContributionDraft
{
    public override ContributionKind Kind => ContributionKind.ProjectBrief;

    internal override IReadOnlyList<TextInput> Texts =>
    [
        Entry("project", new("Vorhaben", "Project"), Project),
        Entry("need", new("Beobachteter Bedarf", "Observed need"), ObservedNeed),
        Entry("goal", new("Ziel", "Goal"), Goal),
        Entry("partners", new("Beteiligte Menschen und Partner", "People and partners involved"), PeopleAndPartners),
        Entry("resources", new("Vorhandene Ressourcen", "Resources at hand"), ResourcesAtHand, required: false),
    ];

    internal override Contribution ApplyTo(Contribution target) => target with
    {
        Text = Project.Trim(),
        ObservedNeed = ObservedNeed.Trim(),
        Goal = Goal.Trim(),
        Partners = PeopleAndPartners.Trim(),
        ResourcesAtHand = TextRules.Clean(ResourcesAtHand),
    };
}

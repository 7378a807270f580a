namespace GbbTeamsBot.Cards.ViewModels;

/// <summary>Categories of the Sozialraumwissen as the cards name them.</summary>
public enum KnowledgeKind
{
    Ressource,
    Schluesselperson,
    Netzwerk,
    Bedarfslage,
    Vorhaben,
    Idee,
}

public enum NeedTrendKind
{
    Steigend,
    Gleich,
    Fallend,
}

/// <summary>A line on top of a knowledge card: a confirmation or a refusal that changed nothing (already localised).</summary>
public sealed record KnowledgeNotice(string Text, bool IsError);

public sealed record KnowledgeEntryView(string EntryId, int Revision, KnowledgeKind Category, string Title)
{
    public string? Description { get; init; }

    public string? Area { get; init; }

    public string? Place { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public int MentionCount { get; init; }

    public DateTimeOffset FirstMentioned { get; init; }

    public DateTimeOffset LastMentioned { get; init; }

    public bool IsOutdated { get; init; }

    /// <summary>Not mentioned for 12 months.</summary>
    public bool IsLongNotMentioned { get; init; }

    /// <summary>Entries with similar titles, offered for merging.</summary>
    public IReadOnlyList<KnowledgeRefView> Duplicates { get; init; } = [];
}

public sealed record KnowledgeRefView(string EntryId, string Title);

/// <summary>The result of "wissen …": entries grouped by category.</summary>
public sealed record KnowledgeListView(string Query, IReadOnlyList<KnowledgeEntryView> Entries, int TotalInCatalogue)
{
    public KnowledgeNotice? Notice { get; init; }
}

public sealed record NeedRankView(KnowledgeEntryView Entry, int Last3Months, int Last6Months, int Last12Months, NeedTrendKind Trend);

public sealed record NeedsView(IReadOnlyList<NeedRankView> Needs);

public sealed record KnowledgeEditView(KnowledgeEntryView Entry, string Query)
{
    public KnowledgeNotice? Notice { get; init; }

    /// <summary>The texts raised privacy warnings: offer "Trotzdem speichern" (e.g. the address of a public place).</summary>
    public bool OfferKeepDespiteWarnings { get; init; }
}

/// <summary>One entry of a round as the confirm card proposes it: a new entry, or one more mention of <see cref="MatchesTitle"/>; or skipped.</summary>
public sealed record KnowledgeProposalView(string ItemKey, KnowledgeKind Category, string Title)
{
    public string? MatchesTitle { get; init; }

    public bool IsSkipped { get; init; }
}

/// <summary>A catalogue entry offered in the Ressourcensammlung; one tap adds it as a contribution.</summary>
public sealed record KnowledgeSuggestionView(string EntryId, KnowledgeKind Category, string Title)
{
    public string? Place { get; init; }

    public int MentionCount { get; init; }
}

using GbbTeamsBot.Domain.Common;

namespace GbbTeamsBot.Domain.Knowledge;

/// <summary>What a Sozialraumwissen entry is about (the source text's Ressourcen, Schlüsselpersonen, Netzwerke, Bedarfslagen, Vorhaben, Ideen).</summary>
public enum KnowledgeCategory
{
    Resource,
    KeyPerson,
    Network,
    Need,
    Project,
    Idea,
}

/// <summary>aktuell / veraltet / zusammengeführt.</summary>
public enum KnowledgeStatus
{
    Current,
    Outdated,
    Merged,
}

/// <summary>One mention of an entry: the session whose confirmed protocol (or resource map) named it, and when.</summary>
public sealed record KnowledgeMention(string SessionId, DateTimeOffset At);

/// <summary>
/// An entry of a team's Sozialraumwissen. It never holds case content: its sources are session ids (links to
/// protocols), and a text taken from a consultation has its case reference stripped first. Mentions are counted once
/// per session, so feeding the same protocol again (an outbox replay) changes nothing.
/// </summary>
public sealed record KnowledgeEntry
{
    public required string Id { get; init; }

    public required KnowledgeCategory Category { get; init; }

    public required string Title { get; init; }

    public string? Description { get; init; }

    /// <summary>Sozialraum or Ortsteil.</summary>
    public string? Area { get; init; }

    /// <summary>Address or meeting place.</summary>
    public string? Place { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The most recent mentions (at most <see cref="KnowledgeRules.MaxKeptMentions"/>); <see cref="MentionCount"/> counts all.</summary>
    public IReadOnlyList<KnowledgeMention> Mentions { get; init; } = [];

    public int MentionCount { get; init; }

    public required DateTimeOffset FirstMentioned { get; init; }

    public required DateTimeOffset LastMentioned { get; init; }

    public required string AddedById { get; init; }

    public string? ConfirmedById { get; init; }

    public KnowledgeStatus Status { get; init; } = KnowledgeStatus.Current;

    /// <summary>For merged entries: the entry that now carries its mentions.</summary>
    public string? MergedIntoId { get; init; }

    public DateTimeOffset? EditedAt { get; init; }

    /// <summary>Counts every change; a card carries the revision it showed, so an edit of a changed entry is refused as stale.</summary>
    public int Revision { get; init; }

    /// <summary>The sessions this entry came from (newest last).</summary>
    public IEnumerable<string> SourceSessionIds => Mentions.Select(m => m.SessionId).Distinct();

    /// <summary>Not mentioned for 12 months: shown as "lange nicht erwähnt".</summary>
    public bool IsLongNotMentioned(DateTimeOffset now) => LastMentioned < now.AddMonths(-KnowledgeRules.LongNotMentionedMonths);

    /// <summary>Mentions since <paramref name="since"/> among the kept ones.</summary>
    public int MentionsSince(DateTimeOffset since) => Mentions.Count(m => m.At >= since);
}

/// <summary>The texts of a new or edited entry, as the user (or a protocol) gives them.</summary>
public sealed record KnowledgeDraft(KnowledgeCategory Category, string Title, string? Description = null, string? Area = null, string? Place = null, IReadOnlyList<string>? Tags = null);

public static class KnowledgeLabels
{
    public static Bilingual For(KnowledgeCategory category) => category switch
    {
        KnowledgeCategory.Resource => new("Ressourcen", "Resources"),
        KnowledgeCategory.KeyPerson => new("Schlüsselpersonen", "Key persons"),
        KnowledgeCategory.Network => new("Netzwerke und Vernetzungsrunden", "Networks"),
        KnowledgeCategory.Need => new("Bedarfslagen", "Recurring needs"),
        KnowledgeCategory.Project => new("Vorhaben und Projekte", "Projects"),
        KnowledgeCategory.Idea => new("Ideen", "Ideas"),
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    public static Bilingual For(KnowledgeStatus status) => status switch
    {
        KnowledgeStatus.Current => new("aktuell", "current"),
        KnowledgeStatus.Outdated => new("veraltet", "outdated"),
        KnowledgeStatus.Merged => new("zusammengeführt", "merged"),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}

using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Privacy;

namespace GbbTeamsBot.Domain.Knowledge;

/// <summary>The rules of the Sozialraumwissen: validation, mention counting, editing, merging and "veraltet".</summary>
public static class KnowledgeRules
{
    public const int TitleMaxLength = 120;
    public const int DescriptionMaxLength = 1_000;
    public const int MaxTags = 10;
    public const int TagMaxLength = 40;
    public const int MaxKeptMentions = 200;
    public const int LongNotMentionedMonths = 12;

    private static readonly Bilingual TitleLabel = new("Titel", "Title");
    private static readonly Bilingual DescriptionLabel = new("Beschreibung", "Description");
    private static readonly Bilingual AreaLabel = new("Sozialraum / Ortsteil", "Neighbourhood / district");
    private static readonly Bilingual PlaceLabel = new("Adresse oder Treffpunkt", "Address or meeting place");
    private static readonly Bilingual TagLabel = new("Schlagwort", "Tag");

    /// <summary>The category a Sozialraum-Runde entry feeds, or null for categories that stay in the protocol only (news, likes, annoyances, other).</summary>
    public static KnowledgeCategory? CategoryOf(NeighbourhoodCategory category) => category switch
    {
        NeighbourhoodCategory.Resource => KnowledgeCategory.Resource,
        NeighbourhoodCategory.KeyPerson => KnowledgeCategory.KeyPerson,
        NeighbourhoodCategory.NetworkNews => KnowledgeCategory.Network,
        NeighbourhoodCategory.Needs => KnowledgeCategory.Need,
        NeighbourhoodCategory.ProjectReport => KnowledgeCategory.Project,
        NeighbourhoodCategory.Idea => KnowledgeCategory.Idea,
        _ => null,
    };

    /// <summary>Length and presence of every text, then the privacy check (names and contact data of private persons).</summary>
    public static Rejection? Validate(KnowledgeDraft draft, bool confirmedDespiteWarnings)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (!Enum.IsDefined(draft.Category))
        {
            return Rejections.InvalidSetup(new("Unbekannte Kategorie.", "Unknown category."));
        }

        var tags = draft.Tags ?? [];
        if (tags.Count > MaxTags)
        {
            return KnowledgeRejections.TooManyTags(MaxTags);
        }

        var inputs = new List<TextInput>
        {
            new("title", TitleLabel, draft.Title, TitleMaxLength),
            new("description", DescriptionLabel, draft.Description, DescriptionMaxLength, Required: false),
            new("area", AreaLabel, draft.Area, TextRules.ShortTextMaxLength, Required: false),
            new("place", PlaceLabel, draft.Place, TextRules.ShortTextMaxLength, Required: false),
        };
        inputs.AddRange(tags.Select(t => new TextInput("tags", TagLabel, t, TagMaxLength, Required: false)));
        return TextRules.Validate(inputs, confirmedDespiteWarnings);
    }

    /// <summary>A new entry, first mentioned by <paramref name="mention"/> (null: added by hand, no session).</summary>
    public static Outcome<KnowledgeEntry> Create(string id, KnowledgeDraft draft, string addedById, DateTimeOffset now, KnowledgeMention? mention, bool confirmedDespiteWarnings)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(addedById);
        if (Validate(draft, confirmedDespiteWarnings) is { } rejection)
        {
            return rejection;
        }

        var at = mention?.At ?? now;
        return Outcome<KnowledgeEntry>.Success(Apply(new KnowledgeEntry
        {
            Id = id,
            Category = draft.Category,
            Title = draft.Title.Trim(),
            FirstMentioned = at,
            LastMentioned = at,
            AddedById = addedById,
            ConfirmedById = mention is null ? null : addedById,
            Mentions = mention is null ? [] : [mention],
            MentionCount = 1,
        }, draft));
    }

    /// <summary>
    /// The same entry named again: one more mention and a later "last mentioned". A session is counted once (a replay of
    /// the same protocol changes nothing); a merged entry is not counted (the caller follows it to its target).
    /// </summary>
    public static KnowledgeEntry Mention(KnowledgeEntry entry, KnowledgeMention mention, string? confirmedById)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(mention);
        if (entry.Status == KnowledgeStatus.Merged || entry.Mentions.Any(m => m.SessionId == mention.SessionId))
        {
            return entry;
        }

        return entry with
        {
            Mentions = entry.Mentions.Append(mention).OrderBy(m => m.At).TakeLast(MaxKeptMentions).ToList(),
            MentionCount = entry.MentionCount + 1,
            FirstMentioned = mention.At < entry.FirstMentioned ? mention.At : entry.FirstMentioned,
            LastMentioned = mention.At > entry.LastMentioned ? mention.At : entry.LastMentioned,
            ConfirmedById = confirmedById ?? entry.ConfirmedById,
            // Mentioned again: it is evidently current again.
            Status = KnowledgeStatus.Current,
            Revision = entry.Revision + 1,
        };
    }

    /// <summary>Changes the texts of an entry; a merged entry is not edited (its target is).</summary>
    public static Outcome<KnowledgeEntry> Edit(KnowledgeEntry entry, KnowledgeDraft draft, string editorId, DateTimeOffset now, bool confirmedDespiteWarnings)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Status == KnowledgeStatus.Merged)
        {
            return KnowledgeRejections.Merged();
        }

        if (Validate(draft, confirmedDespiteWarnings) is { } rejection)
        {
            return rejection;
        }

        return Outcome<KnowledgeEntry>.Success(Apply(entry with
        {
            Category = draft.Category,
            Title = draft.Title.Trim(),
            EditedAt = now,
            ConfirmedById = editorId,
            Revision = entry.Revision + 1,
        }, draft));
    }

    /// <summary>Marks an entry as veraltet (or current again); merged entries stay merged.</summary>
    public static Outcome<KnowledgeEntry> SetOutdated(KnowledgeEntry entry, bool outdated, string editorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Status == KnowledgeStatus.Merged)
        {
            return KnowledgeRejections.Merged();
        }

        return Outcome<KnowledgeEntry>.Success(entry with
        {
            Status = outdated ? KnowledgeStatus.Outdated : KnowledgeStatus.Current,
            EditedAt = now,
            ConfirmedById = editorId,
            Revision = entry.Revision + 1,
        });
    }

    /// <summary>
    /// Merges <paramref name="duplicate"/> into <paramref name="target"/>: the target takes the duplicate's mentions (each
    /// session once), its earlier first mention and its tags; the duplicate is kept as "zusammengeführt" with a link, so
    /// nothing is lost. Both must be current or veraltet, and different.
    /// </summary>
    public static Outcome<MergeResult> Merge(KnowledgeEntry target, KnowledgeEntry duplicate, string editorId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(duplicate);
        if (target.Id == duplicate.Id)
        {
            return KnowledgeRejections.InvalidMerge(new("Ein Eintrag kann nicht mit sich selbst zusammengeführt werden.", "An entry cannot be merged with itself."));
        }

        if (target.Status == KnowledgeStatus.Merged || duplicate.Status == KnowledgeStatus.Merged)
        {
            return KnowledgeRejections.Merged();
        }

        var newMentions = duplicate.Mentions.Where(m => target.Mentions.All(t => t.SessionId != m.SessionId)).ToList();
        // Mentions without a kept session (hand-added entries, or beyond the kept window) still count.
        var uncounted = duplicate.MentionCount - duplicate.Mentions.Count;
        var merged = target with
        {
            Mentions = target.Mentions.Concat(newMentions).OrderBy(m => m.At).TakeLast(MaxKeptMentions).ToList(),
            MentionCount = target.MentionCount + newMentions.Count + Math.Max(0, uncounted),
            FirstMentioned = duplicate.FirstMentioned < target.FirstMentioned ? duplicate.FirstMentioned : target.FirstMentioned,
            LastMentioned = duplicate.LastMentioned > target.LastMentioned ? duplicate.LastMentioned : target.LastMentioned,
            Tags = target.Tags.Concat(duplicate.Tags).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxTags).ToList(),
            Status = KnowledgeStatus.Current,
            EditedAt = now,
            ConfirmedById = editorId,
            Revision = target.Revision + 1,
        };
        var retired = duplicate with { Status = KnowledgeStatus.Merged, MergedIntoId = target.Id, EditedAt = now, ConfirmedById = editorId, Revision = duplicate.Revision + 1 };
        return Outcome<MergeResult>.Success(new MergeResult(merged, retired));
    }

    /// <summary>Removes the case reference (and anything that looks like it) from a text taken from a consultation.</summary>
    public static string StripCaseReference(string text, string? caseReference)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = text;
        if (!string.IsNullOrWhiteSpace(caseReference))
        {
            result = result.Replace(caseReference.Trim(), string.Empty, StringComparison.OrdinalIgnoreCase);
        }

        return string.Join(' ', result.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim(' ', ',', ';', ':', '-');
    }

    private static KnowledgeEntry Apply(KnowledgeEntry entry, KnowledgeDraft draft) => entry with
    {
        Description = Clean(draft.Description),
        Area = Clean(draft.Area),
        Place = Clean(draft.Place),
        Tags = (draft.Tags ?? []).Select(Clean).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record MergeResult(KnowledgeEntry Target, KnowledgeEntry Retired);

public static class KnowledgeRejections
{
    public static Rejection NotFound() => new(
        RejectionCode.KnowledgeEntryNotFound,
        new("Diesen Eintrag gibt es im Sozialraumwissen dieses Teams nicht (mehr).", "This entry does not exist (any more) in this team's neighbourhood knowledge."));

    public static Rejection Merged() => new(
        RejectionCode.KnowledgeEntryMerged,
        new("Dieser Eintrag wurde mit einem anderen zusammengeführt und wird dort weitergeführt.", "This entry was merged into another one; change that one instead."));

    public static Rejection TooManyTags(int max) => new(
        RejectionCode.LimitReached,
        new($"Höchstens {max} Schlagwörter je Eintrag. Es wurde nichts geändert.", $"At most {max} tags per entry. Nothing was changed."));

    public static Rejection InvalidMerge(Bilingual detail) => new(RejectionCode.InvalidKnowledgeMerge, detail);

    public static Rejection Stale() => new(
        RejectionCode.StaleVersion,
        new("Jemand hat diesen Eintrag inzwischen geändert. Bitte die aktuelle Fassung ansehen und noch einmal versuchen.", "Someone changed this entry in the meantime. Please look at the current version and try again."));
}

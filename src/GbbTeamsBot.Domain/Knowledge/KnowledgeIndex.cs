namespace GbbTeamsBot.Domain.Knowledge;

/// <summary>A search hit: the entry and how well it matched (higher is better).</summary>
public sealed record KnowledgeHit(KnowledgeEntry Entry, int Score);

/// <summary>A Bedarfslage with its mentions in the last 3, 6 and 12 months and the trend.</summary>
public sealed record NeedRank(KnowledgeEntry Entry, int Last3Months, int Last6Months, int Last12Months, NeedTrend Trend);

public enum NeedTrend
{
    /// <summary>More mentions in the last 3 months than in the 3 before.</summary>
    Rising,
    Steady,
    Falling,
}

/// <summary>
/// The searchable form of one team's entries, kept in memory: each entry's stems computed once, so a search is a scan
/// of short string comparisons (5,000 entries in a few milliseconds) and never a storage query. Immutable: a change
/// builds a new index from the old one with <see cref="With"/>.
/// </summary>
public sealed class KnowledgeIndex
{
    private const int TitleWeight = 3;
    private readonly Dictionary<string, Indexed> _entries;

    private KnowledgeIndex(Dictionary<string, Indexed> entries) => _entries = entries;

    public static KnowledgeIndex Empty { get; } = new(new Dictionary<string, Indexed>(StringComparer.Ordinal));

    public int Count => _entries.Count;

    public IEnumerable<KnowledgeEntry> Entries => _entries.Values.Select(e => e.Entry);

    public KnowledgeEntry? Find(string id) => _entries.TryGetValue(id, out var e) ? e.Entry : null;

    public static KnowledgeIndex Build(IEnumerable<KnowledgeEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var map = new Dictionary<string, Indexed>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            map[entry.Id] = Indexed.Of(entry);
        }

        return new KnowledgeIndex(map);
    }

    /// <summary>A new index with these entries added or replaced.</summary>
    public KnowledgeIndex With(IEnumerable<KnowledgeEntry> changed)
    {
        ArgumentNullException.ThrowIfNull(changed);
        var map = new Dictionary<string, Indexed>(_entries, StringComparer.Ordinal);
        foreach (var entry in changed)
        {
            map[entry.Id] = Indexed.Of(entry);
        }

        return new KnowledgeIndex(map);
    }

    /// <summary>
    /// Entries matching every word of <paramref name="query"/> (an empty query lists everything), merged entries left
    /// out, best first, then most mentioned.
    /// </summary>
    public IReadOnlyList<KnowledgeHit> Search(string? query, int limit = 50)
    {
        var terms = GermanText.Terms(query).Distinct().ToList();
        var hits = new List<KnowledgeHit>();
        foreach (var e in _entries.Values)
        {
            if (e.Entry.Status == KnowledgeStatus.Merged)
            {
                continue;
            }

            var score = 0;
            var all = true;
            foreach (var term in terms)
            {
                var s = e.Score(term);
                if (s == 0)
                {
                    all = false;
                    break;
                }

                score += s;
            }

            if (all)
            {
                hits.Add(new KnowledgeHit(e.Entry, score));
            }
        }

        return Order(hits).Take(limit).ToList();
    }

    /// <summary>
    /// Entries that fit a consultation: any word of <paramref name="context"/> (the focus question and the
    /// contributions so far) counts, current entries only, best first; <paramref name="exclude"/> are left out (already added).
    /// </summary>
    public IReadOnlyList<KnowledgeHit> Suggest(string? context, IReadOnlySet<string> exclude, int limit, params KnowledgeCategory[] categories)
    {
        ArgumentNullException.ThrowIfNull(exclude);
        var terms = GermanText.Terms(context).Distinct().ToList();
        var hits = new List<KnowledgeHit>();
        foreach (var e in _entries.Values)
        {
            if (e.Entry.Status != KnowledgeStatus.Current || exclude.Contains(e.Entry.Id) || (categories.Length > 0 && !categories.Contains(e.Entry.Category)))
            {
                continue;
            }

            var score = terms.Sum(e.Score);
            if (score > 0)
            {
                hits.Add(new KnowledgeHit(e.Entry, score));
            }
        }

        return Order(hits).Take(limit).ToList();
    }

    /// <summary>The existing entry a new text most likely means (same category, similar title), or null.</summary>
    public KnowledgeEntry? Match(KnowledgeCategory category, string title, double threshold = 0.6)
    {
        var stems = GermanText.Terms(title).Distinct().ToArray();
        var folded = string.Join(' ', stems);
        KnowledgeEntry? best = null;
        var bestScore = 0.0;
        foreach (var e in _entries.Values)
        {
            if (e.Entry.Category != category || e.Entry.Status == KnowledgeStatus.Merged)
            {
                continue;
            }

            var similarity = e.FoldedTitle == folded ? 1 : GermanText.Similarity(stems, e.TitleStems);
            if (similarity >= threshold && similarity > bestScore)
            {
                (best, bestScore) = (e.Entry, similarity);
            }
        }

        return best;
    }

    /// <summary>Likely duplicates of an entry (similar titles, any category), for the merge suggestion.</summary>
    public IReadOnlyList<KnowledgeEntry> Duplicates(KnowledgeEntry entry, int limit = 3, double threshold = 0.5)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var stems = _entries.TryGetValue(entry.Id, out var own) ? own.TitleStems : GermanText.Terms(entry.Title).Distinct().ToArray();
        return _entries.Values
            .Where(e => e.Entry.Id != entry.Id && e.Entry.Status != KnowledgeStatus.Merged)
            .Select(e => (e.Entry, Similarity: GermanText.Similarity(stems, e.TitleStems)))
            .Where(x => x.Similarity >= threshold)
            .OrderByDescending(x => x.Similarity)
            .ThenByDescending(x => x.Entry.MentionCount)
            .Take(limit)
            .Select(x => x.Entry)
            .ToList();
    }

    /// <summary>Bedarfslagen ranked by mentions in the last 3, then 6, then 12 months; the trend compares the last 3 months with the 3 before.</summary>
    public IReadOnlyList<NeedRank> RankNeeds(DateTimeOffset now, int limit = 20)
    {
        return _entries.Values
            .Select(e => e.Entry)
            .Where(e => e.Category == KnowledgeCategory.Need && e.Status == KnowledgeStatus.Current)
            .Select(e =>
            {
                var last3 = e.MentionsSince(now.AddMonths(-3));
                var last6 = e.MentionsSince(now.AddMonths(-6));
                var previous3 = last6 - last3;
                var trend = last3 > previous3 ? NeedTrend.Rising : last3 < previous3 ? NeedTrend.Falling : NeedTrend.Steady;
                return new NeedRank(e, last3, last6, e.MentionsSince(now.AddMonths(-12)), trend);
            })
            .Where(r => r.Last12Months > 0)
            .OrderByDescending(r => r.Last3Months)
            .ThenByDescending(r => r.Last6Months)
            .ThenByDescending(r => r.Last12Months)
            .ThenByDescending(r => r.Entry.LastMentioned)
            .Take(limit)
            .ToList();
    }

    private static IEnumerable<KnowledgeHit> Order(List<KnowledgeHit> hits) =>
        hits.OrderByDescending(h => h.Score).ThenByDescending(h => h.Entry.MentionCount).ThenByDescending(h => h.Entry.LastMentioned).ThenBy(h => h.Entry.Id, StringComparer.Ordinal);

    private sealed record Indexed(KnowledgeEntry Entry, string[] TitleStems, string[] OtherStems, string FoldedTitle)
    {
        public static Indexed Of(KnowledgeEntry entry)
        {
            var title = GermanText.Terms(entry.Title).Distinct().ToArray();
            var other = GermanText.Terms(string.Join(' ', new[] { entry.Description, entry.Area, entry.Place }.Concat(entry.Tags)))
                .Distinct().Except(title).ToArray();
            return new Indexed(entry, title, other, string.Join(' ', title));
        }

        public int Score(string term)
        {
            var best = 0;
            foreach (var stem in TitleStems)
            {
                best = Math.Max(best, GermanText.Match(term, stem) * TitleWeight);
            }

            foreach (var stem in OtherStems)
            {
                best = Math.Max(best, GermanText.Match(term, stem));
            }

            return best;
        }
    }
}

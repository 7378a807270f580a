using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Knowledge;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Protocol;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Application.Knowledge;

/// <summary>The result of a change to the Sozialraumwissen: the entries as stored now, or why nothing changed.</summary>
public sealed record KnowledgeOutcome(IReadOnlyList<KnowledgeEntry> Entries, Rejection? Rejection)
{
    public bool IsSuccess => Rejection is null;

    public KnowledgeEntry? Entry => Entries.Count > 0 ? Entries[0] : null;

    public static KnowledgeOutcome Refused(Rejection rejection) => new([], rejection);
}

/// <summary>One text of a confirmed protocol or a consultation that may become (or mention) an entry.</summary>
public sealed record KnowledgeItem(KnowledgeDraft Draft, KnowledgeMention Mention);

/// <summary>What folding an item would do: add a new entry, or count one more mention of an existing one.</summary>
public sealed record KnowledgeProposal(KnowledgeItem Item, KnowledgeEntry? Existing);

/// <summary>
/// The team's Sozialraumwissen: searching, feeding from confirmed protocols and consultations, editing, merging,
/// "veraltet" and the CSV export. Every team's entries are held in memory as a <see cref="KnowledgeIndex"/>; a search
/// costs one point read of the team's stamp (is the index still current?) and no query, and a change updates the
/// index it was based on. Saves are conditional on the stamp and the entries' ETags, so two instances (or two people)
/// never overwrite each other: the loser reloads and decides again.
/// </summary>
public sealed class KnowledgeService(KnowledgeRepository repository, TimeProvider time)
{
    private const int MaxAttempts = 5;
    private readonly ConcurrentDictionary<string, CachedIndex> _cache = new(StringComparer.Ordinal);

    /// <summary>The team's current index (one stamp read; a reload only after a change by another instance).</summary>
    public async Task<KnowledgeIndex> IndexAsync(TeamScope scope, CancellationToken cancellationToken = default) =>
        (await LoadAsync(scope, cancellationToken)).Index;

    public async Task<IReadOnlyList<KnowledgeHit>> SearchAsync(TeamScope scope, string? query, int limit = 50, CancellationToken cancellationToken = default) =>
        (await IndexAsync(scope, cancellationToken)).Search(query, limit);

    public async Task<IReadOnlyList<NeedRank>> RankNeedsAsync(TeamScope scope, CancellationToken cancellationToken = default) =>
        (await IndexAsync(scope, cancellationToken)).RankNeeds(time.GetUtcNow());

    /// <summary>Entries for the Ressourcensammlung: resources, key persons, networks and projects matching the consultation so far.</summary>
    public async Task<IReadOnlyList<KnowledgeHit>> SuggestAsync(TeamScope scope, string context, IReadOnlySet<string> alreadyAdded, int limit, CancellationToken cancellationToken = default) =>
        (await IndexAsync(scope, cancellationToken)).Suggest(context, alreadyAdded, limit, KnowledgeCategory.Resource, KnowledgeCategory.KeyPerson, KnowledgeCategory.Network, KnowledgeCategory.Project);

    public async Task<KnowledgeEntry?> GetAsync(TeamScope scope, string entryId, CancellationToken cancellationToken = default) =>
        (await IndexAsync(scope, cancellationToken)).Find(entryId);

    /// <summary>The catalogue items of a confirmed Sozialraum-Runde protocol (categories that feed the catalogue only).</summary>
    public static IReadOnlyList<KnowledgeItem> ItemsOf(ProtocolDocument protocol, DateTimeOffset fallbackDate)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        if (protocol.MethodId != MethodIds.SozialraumRunde)
        {
            return [];
        }

        var at = protocol.Date ?? protocol.ConfirmedAt ?? fallbackDate;
        var area = string.IsNullOrWhiteSpace(protocol.CaseReference) ? null : protocol.CaseReference;
        return protocol.NeighbourhoodEntries
            .Select(e => KnowledgeRules.CategoryOf(e.Category) is { } category ? new KnowledgeItem(DraftOf(category, e.Text, e.Place, area), new KnowledgeMention(protocol.SessionId, at)) : null)
            .OfType<KnowledgeItem>()
            .ToList();
    }

    /// <summary>The key of an item within its round (category and folded title), for "Nicht übernehmen".</summary>
    public static string ItemKey(KnowledgeItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var key = item.Draft.Category + "|" + string.Join(' ', GermanText.Terms(item.Draft.Title));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16].ToLowerInvariant();
    }

    public Task<IReadOnlyList<string>> SkippedAsync(TeamScope scope, string sessionId, CancellationToken cancellationToken = default) =>
        repository.GetSkippedAsync(scope, sessionId, cancellationToken);

    /// <summary>Leaves an item of a round out of the catalogue (or takes it in again); stored before the card says so.</summary>
    public async Task SetSkippedAsync(TeamScope scope, string sessionId, string itemKey, bool skip, CancellationToken cancellationToken = default)
    {
        var current = (await repository.GetSkippedAsync(scope, sessionId, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        if (skip ? current.Add(itemKey) : current.Remove(itemKey))
        {
            await repository.SetSkippedAsync(scope, sessionId, current, time.GetUtcNow(), cancellationToken);
        }
    }

    /// <summary>The items of a confirmed round without those the confirmer skipped.</summary>
    public async Task<IReadOnlyList<KnowledgeItem>> WithoutSkippedAsync(TeamScope scope, string sessionId, IReadOnlyList<KnowledgeItem> items, CancellationToken cancellationToken = default)
    {
        var skipped = (await repository.GetSkippedAsync(scope, sessionId, cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return skipped.Count == 0 ? items : items.Where(i => !skipped.Contains(ItemKey(i))).ToList();
    }

    /// <summary>What folding these items would do now (for the confirm card): new, or "matches existing …".</summary>
    public async Task<IReadOnlyList<KnowledgeProposal>> ProposeAsync(TeamScope scope, IReadOnlyList<KnowledgeItem> items, CancellationToken cancellationToken = default)
    {
        var index = await IndexAsync(scope, cancellationToken);
        return items.Select(i => new KnowledgeProposal(i, index.Match(i.Draft.Category, i.Draft.Title))).ToList();
    }

    /// <summary>
    /// Folds items into the catalogue: an item matching an entry (same category, similar title) mentions it once more,
    /// any other becomes a new entry. Idempotent: an entry counts a session once, and a new entry's id is derived from
    /// the session and its text, so a replay or a second instance finds what the first one wrote.
    /// </summary>
    public async Task<KnowledgeOutcome> FoldAsync(TeamScope scope, IReadOnlyList<KnowledgeItem> items, string confirmedById, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        var stored = new List<KnowledgeEntry>();
        // A transaction holds at most 99 entries; a round has far fewer, but a long one is split rather than refused.
        foreach (var chunk in items.Chunk(KnowledgeRepository.MaxChangesPerSave / 2))
        {
            var outcome = await ChangeAsync(scope, index => Fold(index, chunk, confirmedById), cancellationToken);
            if (!outcome.IsSuccess)
            {
                return outcome;
            }

            stored.AddRange(outcome.Entries);
        }

        return new KnowledgeOutcome(stored, null);
    }

    /// <summary>Adds one entry by hand or from a consultation (privacy checked, unless confirmed).</summary>
    public Task<KnowledgeOutcome> AddAsync(TeamScope scope, KnowledgeItem item, string actorId, bool confirmedDespiteWarnings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (KnowledgeRules.Validate(item.Draft, confirmedDespiteWarnings) is { } rejection)
        {
            return Task.FromResult(KnowledgeOutcome.Refused(rejection));
        }

        return ChangeAsync(scope, index => Fold(index, [item], actorId), cancellationToken);
    }

    public Task<KnowledgeOutcome> EditAsync(TeamScope scope, string entryId, int expectedRevision, KnowledgeDraft draft, string actorId, bool confirmedDespiteWarnings, CancellationToken cancellationToken = default) =>
        ChangeAsync(scope, index => Existing(index, entryId, expectedRevision) is { } rejection
            ? rejection
            : One(KnowledgeRules.Edit(index.Find(entryId)!, draft, actorId, time.GetUtcNow(), confirmedDespiteWarnings)), cancellationToken);

    public Task<KnowledgeOutcome> SetOutdatedAsync(TeamScope scope, string entryId, int expectedRevision, bool outdated, string actorId, CancellationToken cancellationToken = default) =>
        ChangeAsync(scope, index => Existing(index, entryId, expectedRevision) is { } rejection
            ? rejection
            : One(KnowledgeRules.SetOutdated(index.Find(entryId)!, outdated, actorId, time.GetUtcNow())), cancellationToken);

    /// <summary>Merges <paramref name="duplicateId"/> into <paramref name="targetId"/>; both must be entries of this team.</summary>
    public Task<KnowledgeOutcome> MergeAsync(TeamScope scope, string targetId, string duplicateId, int expectedDuplicateRevision, string actorId, CancellationToken cancellationToken = default) =>
        ChangeAsync(scope, index =>
        {
            if (Existing(index, duplicateId, expectedDuplicateRevision) is { } rejection)
            {
                return rejection;
            }

            if (index.Find(targetId) is not { } target)
            {
                return KnowledgeRejections.NotFound();
            }

            var merged = KnowledgeRules.Merge(target, index.Find(duplicateId)!, actorId, time.GetUtcNow());
            return merged.IsSuccess
                ? Outcome<IReadOnlyList<KnowledgeEntry>>.Success([merged.Value!.Target, merged.Value.Retired])
                : merged.Rejection!;
        }, cancellationToken);

    /// <summary>The team's entries as CSV for Excel and the Sozialplanung (UTF-8 with BOM, ';').</summary>
    public async Task<byte[]> ExportCsvAsync(TeamScope scope, Language language, CancellationToken cancellationToken = default)
    {
        var index = await IndexAsync(scope, cancellationToken);
        return KnowledgeCsv.Write(index.Entries.OrderBy(e => e.Category).ThenByDescending(e => e.MentionCount).ThenBy(e => e.Title, StringComparer.CurrentCulture), language, time.GetUtcNow());
    }

    /// <summary>Forgets the cached index of a team (tests; another instance's change is noticed by the stamp anyway).</summary>
    public void Forget(TeamScope scope) => _cache.TryRemove(scope.PartitionKey, out _);

    public static string Serialize(KnowledgeEntry entry) => JsonSerializer.Serialize(entry, SessionSnapshotSerializer.Options);

    public static KnowledgeEntry Deserialize(string json) =>
        JsonSerializer.Deserialize<KnowledgeEntry>(json, SessionSnapshotSerializer.Options) ?? throw new JsonException("Empty knowledge entry.");

    /// <summary>A round entry as a draft: the first line (cut at the title limit) is the title, a longer text the description.</summary>
    public static KnowledgeDraft DraftOf(KnowledgeCategory category, string text, string? place, string? area)
    {
        var trimmed = text.Trim();
        var title = trimmed.Length <= KnowledgeRules.TitleMaxLength ? trimmed : trimmed[..(KnowledgeRules.TitleMaxLength - 1)].TrimEnd() + "…";
        var description = trimmed.Length > KnowledgeRules.TitleMaxLength ? trimmed[..Math.Min(trimmed.Length, KnowledgeRules.DescriptionMaxLength)] : null;
        return new KnowledgeDraft(category, title, description, area is { Length: <= TextRules.ShortTextMaxLength } ? area : null, place);
    }

    private static Rejection? Existing(KnowledgeIndex index, string entryId, int expectedRevision) =>
        index.Find(entryId) switch
        {
            null => KnowledgeRejections.NotFound(),
            { Status: KnowledgeStatus.Merged } => KnowledgeRejections.Merged(),
            { } entry when entry.Revision != expectedRevision => KnowledgeRejections.Stale(),
            _ => null,
        };

    private static Outcome<IReadOnlyList<KnowledgeEntry>> One(Outcome<KnowledgeEntry> outcome) =>
        outcome.IsSuccess ? Outcome<IReadOnlyList<KnowledgeEntry>>.Success([outcome.Value!]) : outcome.Rejection!;

    private Outcome<IReadOnlyList<KnowledgeEntry>> Fold(KnowledgeIndex index, IEnumerable<KnowledgeItem> items, string confirmedById)
    {
        var changed = new Dictionary<string, KnowledgeEntry>(StringComparer.Ordinal);
        // Two entries of one protocol are two things, however alike their titles: the second is not folded into the first.
        var usedByThisFold = new HashSet<string>(StringComparer.Ordinal);
        var working = index;
        foreach (var item in items)
        {
            var existing = working.Match(item.Draft.Category, item.Draft.Title);
            // A merged entry lives on in its target.
            while (existing is { Status: KnowledgeStatus.Merged, MergedIntoId: { } into } && working.Find(into) is { } target)
            {
                existing = target;
            }

            if (existing is not null && !usedByThisFold.Add(existing.Id))
            {
                existing = null;
            }

            KnowledgeEntry next;
            if (existing is not null)
            {
                next = KnowledgeRules.Mention(existing, item.Mention, confirmedById);
                if (ReferenceEquals(next, existing))
                {
                    continue;
                }
            }
            else
            {
                var created = KnowledgeRules.Create(EntryId(item), item.Draft, confirmedById, time.GetUtcNow(), item.Mention, confirmedDespiteWarnings: true);
                if (!created.IsSuccess)
                {
                    return created.Rejection!;
                }

                var same = working.Find(created.Value!.Id);
                next = same is null ? created.Value! : KnowledgeRules.Mention(same, item.Mention, confirmedById);
                usedByThisFold.Add(next.Id);
                if (ReferenceEquals(next, same))
                {
                    continue;
                }
            }

            changed[next.Id] = next;
            working = working.With([next]);
        }

        return Outcome<IReadOnlyList<KnowledgeEntry>>.Success(changed.Values.ToList());
    }

    /// <summary>Derived from the session and the text, so the same protocol item always gets the same id.</summary>
    private static string EntryId(KnowledgeItem item)
    {
        var key = item.Mention.SessionId + "|" + item.Draft.Category + "|" + string.Join(' ', GermanText.Terms(item.Draft.Title));
        return "k" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..20].ToLowerInvariant();
    }

    private async Task<KnowledgeOutcome> ChangeAsync(TeamScope scope, Func<KnowledgeIndex, Outcome<IReadOnlyList<KnowledgeEntry>>> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var cached = await LoadAsync(scope, cancellationToken);
            var decision = decide(cached.Index);
            if (!decision.IsSuccess)
            {
                return KnowledgeOutcome.Refused(decision.Rejection!);
            }

            var entries = decision.Value!;
            if (entries.Count == 0)
            {
                return new KnowledgeOutcome([], null);
            }

            var changes = entries.Select(e => new KnowledgeEntryChange(e.Id, Serialize(e), cached.ETags.TryGetValue(e.Id, out var etag) ? etag : null)).ToList();
            try
            {
                var (stamp, etags) = await repository.SaveAsync(scope, changes, cached.Stamp, time.GetUtcNow(), cancellationToken);
                var newETags = new Dictionary<string, ETag>(cached.ETags, StringComparer.Ordinal);
                for (var i = 0; i < entries.Count; i++)
                {
                    newETags[entries[i].Id] = etags[i];
                }

                _cache[scope.PartitionKey] = new CachedIndex(stamp, cached.Index.With(entries), newETags);
                return new KnowledgeOutcome(entries, null);
            }
            catch (TableStorageException ex) when (ex is TablePreconditionFailedException or TableConflictException)
            {
                // Someone else saved in between: reload and decide again on what is stored now.
                _cache.TryRemove(scope.PartitionKey, out _);
            }
        }

        return KnowledgeOutcome.Refused(KnowledgeRejections.Stale());
    }

    private async Task<CachedIndex> LoadAsync(TeamScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var stamp = await repository.GetStampAsync(scope, cancellationToken);
        if (_cache.TryGetValue(scope.PartitionKey, out var cached) && cached.Stamp?.Value == stamp?.Value)
        {
            return cached;
        }

        var snapshot = await repository.ListAsync(scope, cancellationToken);
        var entries = snapshot.Entries.Select(r => Deserialize(r.PayloadJson)).ToList();
        var loaded = new CachedIndex(
            snapshot.Stamp,
            KnowledgeIndex.Build(entries),
            snapshot.Entries.ToDictionary(r => r.EntryId, r => r.ETag, StringComparer.Ordinal));
        _cache[scope.PartitionKey] = loaded;
        return loaded;
    }

    private sealed record CachedIndex(KnowledgeStamp? Stamp, KnowledgeIndex Index, IReadOnlyDictionary<string, ETag> ETags);
}

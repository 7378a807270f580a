using Azure;
using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Storage.Repositories;

/// <summary>A Sozialraumwissen entry as stored: its id, its JSON document (the application maps it to the domain) and its ETag.</summary>
public sealed record KnowledgeEntryRecord(string EntryId, string PayloadJson, ETag ETag);

/// <summary>One change of a save: the entry's new document and the ETag it was read with (null: a new entry).</summary>
public sealed record KnowledgeEntryChange(string EntryId, string PayloadJson, ETag? IfMatch);

/// <summary>All entries of a team and the team's stamp at the time of reading.</summary>
public sealed record KnowledgeSnapshot(IReadOnlyList<KnowledgeEntryRecord> Entries, KnowledgeStamp? Stamp);

/// <summary>The team's stamp row: a new value with every save, and its ETag (a save is conditional on it).</summary>
public sealed record KnowledgeStamp(string Value, ETag ETag);

/// <summary>
/// The Knowledge table: a team's Sozialraumwissen in its partition "{tenant}|{team}", one row per entry
/// (RK "entry|{id}") plus one stamp row (RK "stamp"). Every save writes its entries and a new stamp in one entity
/// group transaction, each entry with If-Match (insert for new ones), so a concurrent edit fails the whole save with
/// <see cref="TablePreconditionFailedException"/> (or <see cref="TableConflictException"/> for a doubled insert) and
/// nothing is half written. The stamp lets every instance see with one point read whether its in-memory index is
/// still current.
/// </summary>
public sealed class KnowledgeRepository(StorageTables tables)
{
    private const string EntryPrefix = "entry|";
    private const string StampRowKey = "stamp";

    /// <summary>The most entries one save may change (one transaction holds 100 operations, one is the stamp).</summary>
    public const int MaxChangesPerSave = 99;

    public async Task<KnowledgeStamp?> GetStampAsync(TeamScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.Knowledge, cancellationToken).ConfigureAwait(false);
        var entity = await table.GetIfExistsAsync(scope.PartitionKey, StampRowKey, ["Stamp"], cancellationToken).ConfigureAwait(false);
        return entity?.GetString("Stamp") is { } value ? new KnowledgeStamp(value, entity.ETag) : null;
    }

    public async Task<KnowledgeEntryRecord?> GetAsync(TeamScope scope, string entryId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.Knowledge, cancellationToken).ConfigureAwait(false);
        var entity = await table.GetIfExistsAsync(scope.PartitionKey, RowKey(entryId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    /// <summary>Every entry of the team; the stamp is read first, so a save in between makes the next stamp check reload.</summary>
    public async Task<KnowledgeSnapshot> ListAsync(TeamScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var stamp = await GetStampAsync(scope, cancellationToken).ConfigureAwait(false);
        var table = await tables.GetAsync(tables.Knowledge, cancellationToken).ConfigureAwait(false);
        var result = new List<KnowledgeEntryRecord>();
        await foreach (var entity in table.QueryAsync(KeyFilters.RowKeyStartsWith(scope.PartitionKey, EntryPrefix), maxPerPage: 1000, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(FromEntity(entity));
        }

        return new KnowledgeSnapshot(result, stamp);
    }

    /// <summary>
    /// Writes the changes and a new stamp atomically, on condition that the stamp is still <paramref name="stampBefore"/>
    /// (null: the team has none yet), so no save is based on an index that missed another save. Returns the new stamp
    /// and the entries' new ETags (in order).
    /// </summary>
    public async Task<(KnowledgeStamp Stamp, IReadOnlyList<ETag> ETags)> SaveAsync(TeamScope scope, IReadOnlyList<KnowledgeEntryChange> changes, KnowledgeStamp? stampBefore, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count is 0 or > MaxChangesPerSave)
        {
            throw new ArgumentOutOfRangeException(nameof(changes), changes.Count, $"A save changes 1 to {MaxChangesPerSave} entries.");
        }

        var actions = new List<TableTransactionAction>(changes.Count + 1);
        foreach (var change in changes)
        {
            var entity = new TableEntity(scope.PartitionKey, RowKey(change.EntryId))
            {
                ["TenantId"] = scope.TenantId,
                ["TeamId"] = scope.TeamId,
                ["EntryId"] = change.EntryId,
                ["Entry"] = change.PayloadJson,
                ["UpdatedAt"] = now,
            };
            actions.Add(change.IfMatch is { } etag
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, etag)
                : new TableTransactionAction(TableTransactionActionType.Add, entity));
        }

        var stamp = Guid.NewGuid().ToString("N");
        var stampEntity = new TableEntity(scope.PartitionKey, StampRowKey)
        {
            ["TenantId"] = scope.TenantId,
            ["TeamId"] = scope.TeamId,
            ["Stamp"] = stamp,
            ["UpdatedAt"] = now,
        };
        actions.Add(stampBefore is { } before
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, stampEntity, before.ETag)
            : new TableTransactionAction(TableTransactionActionType.Add, stampEntity));
        var table = await tables.GetAsync(tables.Knowledge, cancellationToken).ConfigureAwait(false);
        var etags = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        return (new KnowledgeStamp(stamp, etags[^1]), etags.Take(changes.Count).ToArray());
    }

    /// <summary>The items of a session's round the confirmer chose not to take into the catalogue (row "skip|{sessionId}").</summary>
    public async Task<IReadOnlyList<string>> GetSkippedAsync(TeamScope scope, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.Knowledge, cancellationToken).ConfigureAwait(false);
        var entity = await table.GetIfExistsAsync(scope.PartitionKey, SkipRowKey(sessionId), ["Items"], cancellationToken).ConfigureAwait(false);
        return entity?.GetString("Items") is { Length: > 0 } items ? items.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
    }

    /// <summary>Replaces the skipped items of a session (the latest choice counts; item keys are short hashes).</summary>
    public async Task SetSkippedAsync(TeamScope scope, string sessionId, IReadOnlyCollection<string> itemKeys, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(itemKeys);
        var table = await tables.GetAsync(tables.Knowledge, cancellationToken).ConfigureAwait(false);
        await table.UpsertReplaceAsync(new TableEntity(scope.PartitionKey, SkipRowKey(sessionId))
        {
            ["TenantId"] = scope.TenantId,
            ["TeamId"] = scope.TeamId,
            ["SessionId"] = sessionId,
            ["Items"] = string.Join(' ', itemKeys),
            ["UpdatedAt"] = now,
        }, cancellationToken).ConfigureAwait(false);
    }

    private static string SkipRowKey(string sessionId) => "skip|" + KeyCodec.Encode(Ids.Require(sessionId, nameof(sessionId), 128));

    private static string RowKey(string entryId) => EntryPrefix + KeyCodec.Encode(Ids.Require(entryId, nameof(entryId), 128));

    private static KnowledgeEntryRecord FromEntity(TableEntity entity) =>
        new(entity.GetString("EntryId") ?? KeyCodec.Decode(entity.RowKey[EntryPrefix.Length..]), entity.GetString("Entry") ?? "{}", entity.ETag);
}

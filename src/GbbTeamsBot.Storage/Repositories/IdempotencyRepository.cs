using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Storage.Repositories;

/// <summary>A command request's row: still being processed (no outcome yet), or done with the outcome to replay.</summary>
public sealed record RequestRecord(bool IsPending, string? OutcomeJson, DateTimeOffset StartedAt, DateTimeOffset? ExpiresAt, ETag ETag);

/// <summary>What one bounded purge run did: rows found expired, rows deleted, and whether more expired rows are left.</summary>
public sealed record IdempotencyPurgeResult(int Expired, int Deleted, bool MoreLeft);

/// <summary>
/// The one place that writes idempotency rows, in the team's partition of the idempotency table, each with an
/// ExpiresAt:
/// <list type="bullet">
/// <item>ids seen once (RK "{kind}|{id}", e.g. activity ids): insert-if-absent, the first caller wins;</item>
/// <item>command requests (RK "!cmd|{session}|{request}"; "!" never starts a key-encoded kind): registered as pending
/// by insert-if-absent, then replaced by the outcome, so a repeat gets the first outcome back.</item>
/// </list>
/// Expired rows are taken over with If-Match and removed by <see cref="PurgeExpiredAsync(DateTimeOffset, int, CancellationToken)"/>.
/// </summary>
public sealed class IdempotencyRepository(StorageTables tables)
{
    /// <summary>Request ids up to this length are keyed as they are; longer ones (they come from card data) by their SHA-256.</summary>
    public const int MaxRequestIdLength = 200;

    /// <summary>The longest outcome a request row holds (one string property).</summary>
    public const int MaxOutcomeLength = TableLimits.MaxStringLength;

    private const string RequestPrefix = "!cmd|";

    /// <summary>
    /// True for the first registration of this id (the caller should process it); false for a repeat.
    /// An expired record is taken over with If-Match, so two racing callers still get exactly one true.
    /// </summary>
    public async Task<bool> TryRegisterAsync(TeamScope scope, string kind, string id, DateTimeOffset now, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        var entity = new TableEntity(scope.PartitionKey, RowKey(kind, id))
        {
            ["Kind"] = kind,
            ["RequestId"] = id,
            ["FirstSeenAt"] = now,
            ["ExpiresAt"] = now + timeToLive,
        };
        var table = await tables.GetAsync(tables.Idempotency, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await table.InsertAsync(entity, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (TableConflictException)
            {
            }

            var existing = await table.GetIfExistsAsync(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                continue; // purged in between: try the insert again
            }

            if (existing.GetDateTimeOffset("ExpiresAt") > now)
            {
                return false;
            }

            if (await TryReplaceAsync(table, entity, existing.ETag, cancellationToken).ConfigureAwait(false) is not null)
            {
                return true;
            }

            return false;
        }

        return false;
    }

    public async Task<RequestRecord?> GetRequestAsync(TeamScope scope, string sessionId, string requestId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.Idempotency, cancellationToken).ConfigureAwait(false);
        var entity = await table.GetIfExistsAsync(scope.PartitionKey, RequestKey(sessionId, requestId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity is null ? null : ToRequest(entity);
    }

    /// <summary>
    /// Registers the request as pending. Returns the row's ETag when this caller should process it; null when the
    /// request is already done or being processed by someone else. A pending row older than
    /// <paramref name="abandonAfter"/> (its processor died) or an expired row is taken over with If-Match.
    /// </summary>
    public async Task<ETag?> TryBeginRequestAsync(TeamScope scope, string sessionId, string requestId, DateTimeOffset now, TimeSpan timeToLive, TimeSpan abandonAfter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeToLive, TimeSpan.Zero);
        var table = await tables.GetAsync(tables.Idempotency, cancellationToken).ConfigureAwait(false);
        var entity = PendingRequest(scope, sessionId, requestId, now, timeToLive);
        try
        {
            return await table.InsertAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (TableConflictException)
        {
        }

        var existing = await table.GetIfExistsAsync(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (existing is null)
        {
            return null;
        }

        var state = ToRequest(existing);
        var abandoned = state.IsPending && now - state.StartedAt > abandonAfter;
        var expired = state.ExpiresAt <= now;
        return abandoned || expired ? await TryReplaceAsync(table, entity, existing.ETag, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>
    /// Stores the outcome over the pending row this caller registered (If-Match). False when the row was taken over
    /// meanwhile (this caller was presumed dead): then the other processor's outcome counts.
    /// </summary>
    public async Task<bool> CompleteRequestAsync(TeamScope scope, string sessionId, string requestId, ETag pending, string outcomeJson, DateTimeOffset now, TimeSpan timeToLive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(outcomeJson);
        if (outcomeJson.Length > MaxOutcomeLength)
        {
            throw new TableEntityValidationException($"An outcome holds at most {MaxOutcomeLength} characters; this one has {outcomeJson.Length}.");
        }

        var entity = PendingRequest(scope, sessionId, requestId, now, timeToLive);
        entity["State"] = "done";
        entity["Outcome"] = outcomeJson;
        var table = await tables.GetAsync(tables.Idempotency, cancellationToken).ConfigureAwait(false);
        return await TryReplaceAsync(table, entity, pending, cancellationToken).ConfigureAwait(false) is not null;
    }

    /// <summary>Removes this caller's pending row (processing failed before anything was stored), so a retry can run.</summary>
    public async Task AbandonRequestAsync(TeamScope scope, string sessionId, string requestId, ETag pending, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.Idempotency, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.DeleteAsync(scope.PartitionKey, RequestKey(sessionId, requestId), pending, cancellationToken).ConfigureAwait(false);
        }
        catch (TableStorageException ex) when (ex is TablePreconditionFailedException or TableResourceNotFoundException)
        {
        }
    }

    /// <summary>Deletes the team's expired rows (If-Match, so a concurrent take-over is kept). Returns the count.</summary>
    public async Task<int> PurgeExpiredAsync(TeamScope scope, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var filter = KeyFilters.And(KeyFilters.PartitionKeyEquals(scope.PartitionKey), TableClient.CreateQueryFilter($"ExpiresAt le {now}"));
        var result = await PurgeAsync(filter, int.MaxValue, cancellationToken).ConfigureAwait(false);
        return result.Deleted;
    }

    /// <summary>
    /// Deletes at most <paramref name="maxRows"/> expired rows of all teams (the periodic purge). It reads the whole
    /// table, filtered by ExpiresAt, which is fine for a background job over ids and times. Deletes use If-Match, so
    /// a row taken over since it was read stays.
    /// </summary>
    public async Task<IdempotencyPurgeResult> PurgeExpiredAsync(DateTimeOffset now, int maxRows, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        return await PurgeAsync(TableClient.CreateQueryFilter($"ExpiresAt le {now}"), maxRows, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IdempotencyPurgeResult> PurgeAsync(string filter, int maxRows, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Idempotency, cancellationToken).ConfigureAwait(false);
        var expired = new List<TableEntity>();
        var moreLeft = false;
        await foreach (var entity in table.QueryAsync(filter, ["PartitionKey", "RowKey"], Math.Min(maxRows, TableLimits.MaxPageSize), cancellationToken).ConfigureAwait(false))
        {
            if (expired.Count == maxRows)
            {
                moreLeft = true;
                break;
            }

            expired.Add(entity);
        }

        var deleted = 0;
        foreach (var partition in expired.GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
        {
            foreach (var chunk in partition.Chunk(TableLimits.MaxBatchOperations))
            {
                deleted += await DeleteIfUnchangedAsync(table, chunk, cancellationToken).ConfigureAwait(false);
            }
        }

        return new IdempotencyPurgeResult(expired.Count, deleted, moreLeft);
    }

    /// <summary>One transaction per chunk; if a row changed or vanished meanwhile, the rest are deleted one by one.</summary>
    private static async Task<int> DeleteIfUnchangedAsync(CheckedTableClient table, TableEntity[] rows, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(r.PartitionKey, r.RowKey), r.ETag)).ToArray(), cancellationToken).ConfigureAwait(false);
            return rows.Length;
        }
        catch (TableStorageException ex) when (ex is TablePreconditionFailedException or TableResourceNotFoundException)
        {
        }

        var deleted = 0;
        foreach (var row in rows)
        {
            try
            {
                await table.DeleteAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken).ConfigureAwait(false);
                deleted++;
            }
            catch (TableStorageException ex) when (ex is TablePreconditionFailedException or TableResourceNotFoundException)
            {
            }
        }

        return deleted;
    }

    private static async Task<ETag?> TryReplaceAsync(CheckedTableClient table, TableEntity entity, ETag expected, CancellationToken cancellationToken)
    {
        try
        {
            return await table.UpdateReplaceAsync(entity, expected, cancellationToken).ConfigureAwait(false);
        }
        catch (TableStorageException ex) when (ex is TablePreconditionFailedException or TableResourceNotFoundException)
        {
            return null;
        }
    }

    private static TableEntity PendingRequest(TeamScope scope, string sessionId, string requestId, DateTimeOffset now, TimeSpan timeToLive) =>
        new(scope.PartitionKey, RequestKey(sessionId, requestId))
        {
            ["Kind"] = "command",
            ["SessionId"] = sessionId,
            ["State"] = "pending",
            ["StartedAt"] = now,
            ["ExpiresAt"] = now + timeToLive,
        };

    private static RequestRecord ToRequest(TableEntity entity) => new(
        entity.GetString("State") != "done",
        entity.GetString("Outcome"),
        entity.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue,
        entity.GetDateTimeOffset("ExpiresAt"),
        entity.ETag);

    private static string RowKey(string kind, string id) =>
        KeyCodec.Encode(Ids.Require(kind, nameof(kind), 64)) + "|" + KeyCodec.Encode(Ids.Require(id, nameof(id), 512));

    private static string RequestKey(string sessionId, string requestId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        var key = requestId.Length <= MaxRequestIdLength
            ? requestId
            : "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(requestId)));
        return RequestPrefix + KeyCodec.Encode(Ids.Require(sessionId, nameof(sessionId))) + "|" + KeyCodec.Encode(key);
    }
}

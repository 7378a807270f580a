using Azure;
using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Storage.Repositories;

/// <summary>What one bounded purge run did: rows found expired, rows deleted, and whether more expired rows are left.</summary>
public sealed record IdempotencyPurgeResult(int Expired, int Deleted, bool MoreLeft);

/// <summary>
/// Ids seen once (RK "{kind}|{id}", e.g. activity ids), in the team's partition of the idempotency table, each with an
/// ExpiresAt: insert-if-absent, the first caller wins. Expired rows are taken over with If-Match and removed by
/// <see cref="PurgeExpiredAsync(DateTimeOffset, int, CancellationToken)"/>. (A card action's request id is a row in its
/// session's partition, written in the session's own transaction: see <see cref="SessionRepository"/>.)
/// </summary>
public sealed class IdempotencyRepository(StorageTables tables)
{
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
        return await ExpiredRows.DeleteAsync(table, filter, maxRows, cancellationToken).ConfigureAwait(false);
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

    private static string RowKey(string kind, string id) =>
        KeyCodec.Encode(Ids.Require(kind, nameof(kind), 64)) + "|" + KeyCodec.Encode(Ids.Require(id, nameof(id), 512));
}

using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Storage.Repositories;

/// <summary>
/// Remembers request ids / activity ids per team (RK "{kind}|{id}") with an expiry, by insert-if-absent:
/// the first caller wins, every repeat within the expiry is told it is a duplicate.
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

            try
            {
                await table.UpdateReplaceAsync(entity, existing.ETag, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (TableStorageException ex) when (ex is TablePreconditionFailedException or TableResourceNotFoundException)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>Deletes the team's expired records (If-Match, so a concurrent take-over is kept). Returns the count.</summary>
    public async Task<int> PurgeExpiredAsync(TeamScope scope, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.Idempotency, cancellationToken).ConfigureAwait(false);
        var expired = new List<TableEntity>();
        await foreach (var entity in table.QueryAsync(TableFilter.PartitionKeyEquals(scope.PartitionKey).And(TableFilter.Create($"ExpiresAt le {now}")), ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            expired.Add(entity);
        }

        var deleted = 0;
        foreach (var entity in expired)
        {
            try
            {
                await table.DeleteAsync(scope.PartitionKey, entity.RowKey, entity.ETag, cancellationToken).ConfigureAwait(false);
                deleted++;
            }
            catch (TableStorageException ex) when (ex is TablePreconditionFailedException or TableResourceNotFoundException)
            {
            }
        }

        return deleted;
    }

    private static string RowKey(string kind, string id) =>
        KeyCodec.Encode(Ids.Require(kind, nameof(kind), 64)) + "|" + KeyCodec.Encode(Ids.Require(id, nameof(id), 512));
}

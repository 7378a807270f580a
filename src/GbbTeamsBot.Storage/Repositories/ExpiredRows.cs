using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Storage.Repositories;

/// <summary>
/// Deletes at most a given number of rows that a filter finds expired, grouped per partition into transactions with
/// If-Match, so a row taken over since it was read stays. Used by the periodic purge of idempotency and request rows.
/// </summary>
internal static class ExpiredRows
{
    public static async Task<IdempotencyPurgeResult> DeleteAsync(CheckedTableClient table, string filter, int maxRows, CancellationToken cancellationToken)
    {
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
}

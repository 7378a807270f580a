using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace GbbTeamsBot.Storage.Tables;

/// <summary>
/// The SDK's <see cref="TableClient"/> with what it does not do for us: every write is checked against the Table
/// limits before anything is sent (null properties are dropped, since Table storage stores no nulls), and every
/// failure becomes one of the storage layer's typed errors (<see cref="TableErrors"/>).
/// </summary>
public sealed class CheckedTableClient
{
    private readonly TableClient _table;

    public CheckedTableClient(TableClient table) => _table = table ?? throw new ArgumentNullException(nameof(table));

    public string Name => _table.Name;

    /// <summary>Creates the table; an existing table is fine.</summary>
    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) =>
        RunAsync(() => _table.CreateIfNotExistsAsync(cancellationToken), "create table", cancellationToken);

    /// <summary>Inserts; <see cref="TableConflictException"/> if the entity exists. Returns the new ETag.</summary>
    public Task<ETag> InsertAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        var checkedEntity = Prepare(entity);
        return RunAsync(async () => ETagOf(await _table.AddEntityAsync(checkedEntity, cancellationToken).ConfigureAwait(false)), "insert", cancellationToken);
    }

    /// <summary>Insert-or-replace without If-Match: unconditional by design; use only where last-writer-wins is intended.</summary>
    public Task<ETag> UpsertReplaceAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        var checkedEntity = Prepare(entity);
        return RunAsync(async () => ETagOf(await _table.UpsertEntityAsync(checkedEntity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false)), "upsert (replace)", cancellationToken);
    }

    /// <summary>Replaces an existing entity if its ETag still matches (<see cref="ETag.All"/> = unconditional).</summary>
    public Task<ETag> UpdateReplaceAsync(TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) =>
        UpdateAsync(entity, ifMatch, TableUpdateMode.Replace, "update (replace)", cancellationToken);

    /// <summary>Merges into an existing entity if its ETag still matches (<see cref="ETag.All"/> = unconditional).</summary>
    public Task<ETag> UpdateMergeAsync(TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) =>
        UpdateAsync(entity, ifMatch, TableUpdateMode.Merge, "update (merge)", cancellationToken);

    /// <summary>Deletes if the ETag matches (<see cref="ETag.All"/> = unconditional, chosen deliberately); a missing row is <see cref="TableResourceNotFoundException"/>.</summary>
    public Task DeleteAsync(string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        CheckKeys(partitionKey, rowKey);
        var etag = RequireETag(ifMatch);
        return RunAsync(async () =>
        {
            // The SDK treats a missing row as success; callers need to know whether their ETag still held.
            var response = await _table.DeleteEntityAsync(partitionKey, rowKey, etag, cancellationToken).ConfigureAwait(false);
            if (response.Status == 404)
            {
                throw new TableResourceNotFoundException(404, "ResourceNotFound", "Table storage answered 404 ResourceNotFound to delete.");
            }
        }, "delete", cancellationToken);
    }

    /// <summary>Point read; null when the entity does not exist (a missing table still throws).</summary>
    public Task<TableEntity?> GetIfExistsAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        CheckKeys(partitionKey, rowKey);
        return RunAsync(async () =>
        {
            var response = await _table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false);
            if (response.HasValue)
            {
                return response.Value;
            }

            // A missing table must not pass for a missing row: that would hide a broken setup.
            if (response.GetRawResponse().Headers.TryGetValue("x-ms-error-code", out var code) && code == "TableNotFound")
            {
                throw new TableResourceNotFoundException(404, code, "Table storage answered 404 TableNotFound to point read.");
            }

            return null;
        }, "point read", cancellationToken);
    }

    /// <summary>Point read; <see cref="TableResourceNotFoundException"/> when missing.</summary>
    public async Task<TableEntity> GetAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
        await GetIfExistsAsync(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false)
        ?? throw new TableResourceNotFoundException(404, "ResourceNotFound", "Table storage answered 404 ResourceNotFound to point read.");

    /// <summary>
    /// All entities matching <paramref name="filter"/> (built with <see cref="TableClient.CreateQueryFilter(FormattableString)"/>;
    /// null reads the whole table), across pages; <paramref name="maxPerPage"/> bounds each request, not the total.
    /// </summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(string? filter = null, IEnumerable<string>? select = null, int? maxPerPage = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (maxPerPage is < 1 or > TableLimits.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(maxPerPage), maxPerPage, "A page holds 1 to 1000 entities.");
        }

        var rows = _table.QueryAsync<TableEntity>(filter, maxPerPage, select, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                TableEntity current;
                try
                {
                    if (!await rows.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }

                    current = rows.Current;
                }
                catch (Exception ex) when (TableErrors.Map(ex, "query", cancellationToken) is { } mapped)
                {
                    throw mapped;
                }

                yield return current;
            }
        }
        finally
        {
            await rows.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The first matching entity in key order, fetching one row per request.</summary>
    public async Task<TableEntity?> QueryFirstAsync(string filter, CancellationToken cancellationToken = default)
    {
        await foreach (var entity in QueryAsync(filter, maxPerPage: 1, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            return entity;
        }

        return null;
    }

    /// <summary>
    /// An entity group transaction: all operations or none, checked first (<see cref="TableLimits.ValidateTransaction"/>).
    /// A failure carries <see cref="TableStorageException.FailedOperationIndex"/>. Returns the ETags in order (default for deletes).
    /// </summary>
    public Task<IReadOnlyList<ETag>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var prepared = actions.Select(a => a.ActionType == TableTransactionActionType.Delete
            ? new TableTransactionAction(a.ActionType, a.Entity, RequireETag(a.ETag))
            : new TableTransactionAction(a.ActionType, Prepare(a.Entity as TableEntity ?? throw new TableEntityValidationException("Batches are built from TableEntity rows only."), validate: false), a.ETag)).ToArray();
        TableLimits.ValidateTransaction(prepared);
        return RunAsync<IReadOnlyList<ETag>>(async () =>
        {
            var response = await _table.SubmitTransactionAsync(prepared, cancellationToken).ConfigureAwait(false);
            return response.Value.Select(r => r.Headers.ETag ?? default).ToArray();
        }, "batch", cancellationToken);
    }

    private Task<ETag> UpdateAsync(TableEntity entity, ETag ifMatch, TableUpdateMode mode, string operation, CancellationToken cancellationToken)
    {
        var checkedEntity = Prepare(entity);
        var etag = RequireETag(ifMatch);
        return RunAsync(async () => ETagOf(await _table.UpdateEntityAsync(checkedEntity, etag, mode, cancellationToken).ConfigureAwait(false)), operation, cancellationToken);
    }

    /// <summary>The entity without null properties and with UTC times (a copy only when that changes anything), checked against the limits.</summary>
    private static TableEntity Prepare(TableEntity entity, bool validate = true)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var prepared = NeedsCopy(entity) ? Normalized(entity) : entity;
        if (validate)
        {
            TableLimits.ValidateEntity(prepared);
        }

        return prepared;
    }

    private static bool NeedsCopy(TableEntity entity)
    {
        foreach (var (name, value) in entity)
        {
            if (value is null or DateTime || (value is DateTimeOffset at && at.Offset != TimeSpan.Zero) || (TableLimits.IsSystemProperty(name) && name is not ("PartitionKey" or "RowKey")))
            {
                return true;
            }
        }

        return false;
    }

    private static TableEntity Normalized(TableEntity entity)
    {
        var copy = new TableEntity(entity.PartitionKey, entity.RowKey);
        foreach (var (name, value) in entity)
        {
            if (value is null || TableLimits.IsSystemProperty(name))
            {
                continue;
            }

            copy[name] = value switch
            {
                DateTimeOffset at => at.ToUniversalTime(),
                DateTime { Kind: DateTimeKind.Utc } at => new DateTimeOffset(at),
                _ => value,
            };
        }

        return copy;
    }

    private static void CheckKeys(string partitionKey, string rowKey)
    {
        TableLimits.ValidateKey(partitionKey, "PartitionKey");
        TableLimits.ValidateKey(rowKey, "RowKey");
    }

    private static ETag RequireETag(ETag etag) =>
        etag == default ? throw new ArgumentException("An ETag is required; pass ETag.All for a deliberately unconditional write.", nameof(etag)) : etag;

    private static ETag ETagOf(Response response) => response.Headers.ETag ?? default;

    private static async Task RunAsync(Func<Task> call, string operation, CancellationToken cancellationToken)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not TableStorageException && TableErrors.Map(ex, operation, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }

    private static async Task<T> RunAsync<T>(Func<Task<T>> call, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not TableStorageException && TableErrors.Map(ex, operation, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }
}

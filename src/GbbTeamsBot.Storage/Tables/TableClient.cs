using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;

namespace GbbTeamsBot.Storage.Tables;

/// <summary>Entity operations on one table. Every write validates the entity before sending.</summary>
public sealed class TableClient
{
    private readonly TableServiceClient _service;

    internal TableClient(TableServiceClient service, string tableName)
    {
        _service = service;
        Name = tableName;
        TableUri = new Uri(service.BaseAddress + "/" + tableName);
    }

    public string Name { get; }

    internal Uri TableUri { get; }

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken = default) => _service.CreateTableIfNotExistsAsync(Name, cancellationToken);

    public Task DeleteIfExistsAsync(CancellationToken cancellationToken = default) => _service.DeleteTableIfExistsAsync(Name, cancellationToken);

    /// <summary>Inserts; throws <see cref="TableConflictException"/> if the entity exists. Returns the new ETag.</summary>
    public async Task<ETag> InsertAsync(TableEntity entity, CancellationToken cancellationToken = default)
    {
        TableLimits.ValidateEntity(entity);
        using var message = _service.CreateMessage(RequestMethod.Post, TableUri);
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        TableServiceClient.SetJsonContent(message, TableEntityJson.Serialize(entity));
        var response = await _service.SendAsync(message, "insert", cancellationToken).ConfigureAwait(false);
        return ReadETag(response);
    }

    /// <summary>Insert-or-replace (PUT without If-Match): unconditional by design; use only where last-writer-wins is intended.</summary>
    public Task<ETag> UpsertReplaceAsync(TableEntity entity, CancellationToken cancellationToken = default) =>
        WriteAsync(RequestMethod.Put, entity, null, "upsert (replace)", cancellationToken);

    /// <summary>Insert-or-merge (PATCH without If-Match): unconditional by design.</summary>
    public Task<ETag> UpsertMergeAsync(TableEntity entity, CancellationToken cancellationToken = default) =>
        WriteAsync(RequestMethod.Patch, entity, null, "upsert (merge)", cancellationToken);

    /// <summary>Replaces an existing entity if its ETag still matches (<see cref="ETag.All"/> = unconditional).</summary>
    public Task<ETag> UpdateReplaceAsync(TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) =>
        WriteAsync(RequestMethod.Put, entity, RequireETag(ifMatch), "update (replace)", cancellationToken);

    /// <summary>Merges into an existing entity if its ETag still matches (<see cref="ETag.All"/> = unconditional).</summary>
    public Task<ETag> UpdateMergeAsync(TableEntity entity, ETag ifMatch, CancellationToken cancellationToken = default) =>
        WriteAsync(RequestMethod.Patch, entity, RequireETag(ifMatch), "update (merge)", cancellationToken);

    /// <summary>Deletes if the ETag matches (<see cref="ETag.All"/> = unconditional, chosen deliberately).</summary>
    public async Task DeleteAsync(string partitionKey, string rowKey, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        using var message = _service.CreateMessage(RequestMethod.Delete, EntityUri(partitionKey, rowKey));
        message.Request.Headers.SetValue("If-Match", RequireETag(ifMatch).ToString());
        await _service.SendAsync(message, "delete", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Point read; throws <see cref="TableResourceNotFoundException"/> when missing.</summary>
    public async Task<TableEntity> GetAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default) =>
        await GetIfExistsAsync(partitionKey, rowKey, select, cancellationToken).ConfigureAwait(false)
        ?? throw new TableResourceNotFoundException(404, "ResourceNotFound", "Table storage answered 404 ResourceNotFound to point read.");

    /// <summary>Point read; null when the entity does not exist (a missing table still throws).</summary>
    public async Task<TableEntity?> GetIfExistsAsync(string partitionKey, string rowKey, IEnumerable<string>? select = null, CancellationToken cancellationToken = default)
    {
        var uri = EntityUri(partitionKey, rowKey).AbsoluteUri + SelectQuery(select, "?");
        using var message = _service.CreateMessage(RequestMethod.Get, new Uri(uri));
        try
        {
            var response = await _service.SendAsync(message, "point read", cancellationToken).ConfigureAwait(false);
            using var document = JsonDocument.Parse(response.Content.ToMemory());
            return TableEntityJson.Deserialize(document.RootElement, ReadETag(response));
        }
        catch (TableResourceNotFoundException ex) when (ex.ErrorCode is not "TableNotFound")
        {
            return null;
        }
    }

    /// <summary>All matching entities, following continuation tokens across pages.</summary>
    public async IAsyncEnumerable<TableEntity> QueryAsync(TableFilter? filter = null, IEnumerable<string>? select = null, int? pageSize = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var selected = select?.ToArray();
        TableContinuation? continuation = null;
        do
        {
            var page = await QueryPageAsync(filter, selected, pageSize, continuation, cancellationToken).ConfigureAwait(false);
            foreach (var entity in page.Items)
            {
                yield return entity;
            }

            continuation = page.Continuation;
        }
        while (continuation is not null);
    }

    /// <summary>One page (at most <paramref name="pageSize"/>, ≤ 1000). A page may be empty and still continue.</summary>
    public async Task<TablePage> QueryPageAsync(TableFilter? filter, IEnumerable<string>? select, int? pageSize, TableContinuation? continuation, CancellationToken cancellationToken = default)
    {
        if (pageSize is < 1 or > TableLimits.MaxPageSize)
        {
            throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, "A page holds 1 to 1000 entities.");
        }

        var query = new StringBuilder();
        void Add(string name, string value) => query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
        if (filter is not null)
        {
            Add("$filter", filter.Expression);
        }

        var selectText = SelectQuery(select, string.Empty);
        if (selectText.Length > 0)
        {
            query.Append(query.Length == 0 ? '?' : '&').Append(selectText);
        }

        if (pageSize is not null)
        {
            Add("$top", pageSize.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (continuation is not null)
        {
            Add("NextPartitionKey", continuation.NextPartitionKey);
            if (continuation.NextRowKey is not null)
            {
                Add("NextRowKey", continuation.NextRowKey);
            }
        }

        using var message = _service.CreateMessage(RequestMethod.Get, new Uri(TableUri.AbsoluteUri + "()" + query));
        var response = await _service.SendAsync(message, "query", cancellationToken).ConfigureAwait(false);
        var items = new List<TableEntity>();
        using (var document = JsonDocument.Parse(response.Content.ToMemory()))
        {
            if (document.RootElement.TryGetProperty("value", out var values))
            {
                foreach (var element in values.EnumerateArray())
                {
                    items.Add(TableEntityJson.Deserialize(element));
                }
            }
        }

        TableContinuation? next = null;
        if (response.Headers.TryGetValue("x-ms-continuation-NextPartitionKey", out var nextPartition) && !string.IsNullOrEmpty(nextPartition))
        {
            response.Headers.TryGetValue("x-ms-continuation-NextRowKey", out var nextRow);
            next = new TableContinuation(nextPartition, string.IsNullOrEmpty(nextRow) ? null : nextRow);
        }

        return new TablePage(items, next);
    }

    /// <summary>
    /// Submits an entity group transaction: all operations or none. On failure the typed exception carries
    /// <see cref="TableStorageException.FailedOperationIndex"/>. Returns one result per operation, in order.
    /// </summary>
    public Task<IReadOnlyList<TableTransactionResult>> SubmitTransactionAsync(IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken = default) =>
        TableBatch.SubmitAsync(_service, this, actions, cancellationToken);

    internal Uri EntityUri(string partitionKey, string rowKey)
    {
        TableLimits.ValidateKey(partitionKey, "PartitionKey");
        TableLimits.ValidateKey(rowKey, "RowKey");
        return new Uri($"{TableUri.AbsoluteUri}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')");
    }

    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    private async Task<ETag> WriteAsync(RequestMethod method, TableEntity entity, ETag? ifMatch, string operation, CancellationToken cancellationToken)
    {
        TableLimits.ValidateEntity(entity);
        using var message = _service.CreateMessage(method, EntityUri(entity.PartitionKey, entity.RowKey));
        if (ifMatch is { } etag)
        {
            message.Request.Headers.SetValue("If-Match", etag.ToString());
        }

        TableServiceClient.SetJsonContent(message, TableEntityJson.Serialize(entity));
        var response = await _service.SendAsync(message, operation, cancellationToken).ConfigureAwait(false);
        return ReadETag(response);
    }

    internal static ETag RequireETag(ETag etag) =>
        etag == default ? throw new ArgumentException("An ETag is required; pass ETag.All for a deliberately unconditional write.", nameof(etag)) : etag;

    private static ETag ReadETag(Response response) =>
        response.Headers.TryGetValue("ETag", out var etag) && !string.IsNullOrEmpty(etag) ? new ETag(etag) : default;

    private static string SelectQuery(IEnumerable<string>? select, string prefix)
    {
        if (select is null)
        {
            return string.Empty;
        }

        var names = select.ToArray();
        if (names.Length == 0)
        {
            return string.Empty;
        }

        foreach (var name in names)
        {
            if (name is not ("PartitionKey" or "RowKey" or "Timestamp"))
            {
                TableLimits.ValidatePropertyName(name);
            }
        }

        return prefix + "$select=" + Uri.EscapeDataString(string.Join(',', names));
    }
}

/// <summary>Where the next page starts (x-ms-continuation-NextPartitionKey / NextRowKey).</summary>
public sealed record TableContinuation(string NextPartitionKey, string? NextRowKey);

public sealed record TablePage(IReadOnlyList<TableEntity> Items, TableContinuation? Continuation);

using Azure;
using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Storage.Repositories;

/// <summary>
/// One piece of work for Microsoft Graph as stored: what (kind and key, e.g. "task" and an agreement id), its state
/// (Pending, Done, Failed), the attempts so far and when the next is due, and what Graph answered (the remote id, its
/// ETag, a link). Payload is the application's JSON for the work (never case text beyond what Graph receives anyway).
/// </summary>
public sealed record GraphWorkRecord(
    string Kind,
    string Key,
    string State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? RemoteId,
    string? RemoteETag,
    string? RemoteUrl,
    string Payload,
    string? LastError,
    DateTimeOffset UpdatedAt);

public sealed record StoredGraphWork(TeamScope Scope, GraphWorkRecord Work, ETag ETag);

/// <summary>
/// The durable queue of Graph work in the GraphWork table: PK the team partition, RK "{kind}:{key}" (key-encoded).
/// The intent is inserted before Graph is called (a second insert of the same work gets
/// <see cref="TableConflictException"/>, so one agreement never gets two rows), and every update is If-Match.
/// </summary>
public sealed class GraphWorkRepository(StorageTables tables)
{
    public const string Pending = "Pending";
    public const string Done = "Done";
    public const string Failed = "Failed";

    public async Task<StoredGraphWork?> GetAsync(TeamScope scope, string kind, string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.GraphWork, cancellationToken).ConfigureAwait(false);
        var entity = await table.GetIfExistsAsync(scope.PartitionKey, RowKey(kind, key), cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity is null ? null : Read(entity);
    }

    public async Task<ETag> InsertAsync(TeamScope scope, GraphWorkRecord work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.GraphWork, cancellationToken).ConfigureAwait(false);
        return await table.InsertAsync(ToEntity(scope, work), cancellationToken).ConfigureAwait(false);
    }

    public async Task<ETag> UpdateAsync(TeamScope scope, GraphWorkRecord work, ETag ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.GraphWork, cancellationToken).ConfigureAwait(false);
        return await table.UpdateReplaceAsync(ToEntity(scope, work), ifMatch, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The team's work of one kind (all states).</summary>
    public async Task<IReadOnlyList<StoredGraphWork>> ListForTeamAsync(TeamScope scope, string kind, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.GraphWork, cancellationToken).ConfigureAwait(false);
        var result = new List<StoredGraphWork>();
        await foreach (var entity in table.QueryAsync(KeyFilters.RowKeyStartsWith(scope.PartitionKey, KeyCodec.Encode(kind) + ":"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(Read(entity));
        }

        return result;
    }

    /// <summary>Deletes the session's work rows of every kind (their keys start with the session id). Returns the rows deleted.</summary>
    public async Task<int> DeleteForSessionAsync(TeamScope scope, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.GraphWork, cancellationToken).ConfigureAwait(false);
        var deleted = 0;
        await foreach (var entity in table.QueryAsync(KeyFilters.PartitionKeyEquals(scope.PartitionKey), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            var key = entity.GetString("Key") ?? string.Empty;
            if (key == sessionId || key.StartsWith(sessionId + "/", StringComparison.Ordinal))
            {
                try
                {
                    await table.DeleteAsync(entity.PartitionKey, entity.RowKey, ETag.All, cancellationToken).ConfigureAwait(false);
                    deleted++;
                }
                catch (TableResourceNotFoundException)
                {
                    // Deleted in between (another run): nothing left to do.
                }
            }
        }

        return deleted;
    }

    private static string RowKey(string kind, string key) => KeyCodec.Encode(kind) + ":" + KeyCodec.Encode(key);

    private static TableEntity ToEntity(TeamScope scope, GraphWorkRecord work) => new(scope.PartitionKey, RowKey(work.Kind, work.Key))
    {
        ["TenantId"] = scope.TenantId,
        ["TeamId"] = scope.TeamId,
        ["Kind"] = work.Kind,
        ["Key"] = work.Key,
        ["State"] = work.State,
        ["Attempts"] = work.Attempts,
        ["NextAttemptAt"] = work.NextAttemptAt,
        ["RemoteId"] = work.RemoteId,
        ["RemoteETag"] = work.RemoteETag,
        ["RemoteUrl"] = work.RemoteUrl,
        ["Payload"] = work.Payload,
        ["LastError"] = work.LastError,
        ["UpdatedAt"] = work.UpdatedAt,
    };

    private static StoredGraphWork Read(TableEntity e) => new(
        new TeamScope(e.GetString("TenantId"), e.GetString("TeamId")),
        new GraphWorkRecord(
            e.GetString("Kind") ?? string.Empty,
            e.GetString("Key") ?? string.Empty,
            e.GetString("State") ?? Pending,
            e.GetInt32("Attempts") ?? 0,
            e.GetDateTimeOffset("NextAttemptAt") ?? DateTimeOffset.MinValue,
            e.GetString("RemoteId"),
            e.GetString("RemoteETag"),
            e.GetString("RemoteUrl"),
            e.GetString("Payload") ?? "{}",
            e.GetString("LastError"),
            e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue),
        e.ETag);
}

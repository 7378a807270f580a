using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Storage.Repositories;

/// <summary>One immutable version of a session's protocol (content as JSON or Markdown).</summary>
public sealed record ProtocolRecord(string SessionId, int Version, string? CaseReference, string Content, DateTimeOffset CreatedAt);

/// <summary>
/// Protocol versions, insert-only, in the team's partition. RK "{sessionId}|{inverted version}" so the newest
/// version of a session is the first row of its range (one row per request) and versions are never overwritten.
/// </summary>
public sealed class ProtocolRepository(StorageTables tables)
{
    /// <summary>Adds a version; an existing version is never replaced (<see cref="TableConflictException"/>).</summary>
    public async Task AddVersionAsync(TeamScope scope, ProtocolRecord protocol, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(protocol);
        var entity = new TableEntity(scope.PartitionKey, RowKey(protocol.SessionId, protocol.Version))
        {
            ["SessionId"] = protocol.SessionId,
            ["Version"] = protocol.Version,
            ["CaseReference"] = protocol.CaseReference,
            ["CreatedAt"] = protocol.CreatedAt,
        };
        LargeText.Write(entity, "Content", protocol.Content);
        var table = await tables.GetAsync(tables.Protocols, cancellationToken).ConfigureAwait(false);
        await table.InsertAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ProtocolRecord?> GetLatestAsync(TeamScope scope, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.Protocols, cancellationToken).ConfigureAwait(false);
        var latest = await table.QueryFirstAsync(KeyFilters.RowKeyStartsWith(scope.PartitionKey, SessionPrefix(sessionId)), cancellationToken).ConfigureAwait(false);
        return latest is null ? null : FromEntity(latest);
    }

    public async Task<ProtocolRecord?> GetVersionAsync(TeamScope scope, string sessionId, int version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.Protocols, cancellationToken).ConfigureAwait(false);
        var entity = await table.GetIfExistsAsync(scope.PartitionKey, RowKey(sessionId, version), cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    /// <summary>All versions of a session, newest first.</summary>
    public async Task<IReadOnlyList<ProtocolRecord>> ListVersionsAsync(TeamScope scope, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.Protocols, cancellationToken).ConfigureAwait(false);
        var result = new List<ProtocolRecord>();
        await foreach (var entity in table.QueryAsync(KeyFilters.RowKeyStartsWith(scope.PartitionKey, SessionPrefix(sessionId)), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(FromEntity(entity));
        }

        return result;
    }

    public async Task<int> DeleteForSessionAsync(TeamScope scope, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await DeleteMatchingAsync(scope, KeyFilters.RowKeyStartsWith(scope.PartitionKey, SessionPrefix(sessionId)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes every protocol version that names this case reference (a scan of the team's partition only).</summary>
    public async Task<int> DeleteForCaseAsync(TeamScope scope, string caseReference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var filter = KeyFilters.And(KeyFilters.PartitionKeyEquals(scope.PartitionKey), TableClient.CreateQueryFilter($"CaseReference eq {Ids.Require(caseReference, nameof(caseReference))}"));
        return await DeleteMatchingAsync(scope, filter, cancellationToken).ConfigureAwait(false);
    }

    private async Task<int> DeleteMatchingAsync(TeamScope scope, string filter, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Protocols, cancellationToken).ConfigureAwait(false);
        var keys = new List<string>();
        await foreach (var entity in table.QueryAsync(filter, ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add(entity.RowKey);
        }

        return await RowDeletion.DeleteAsync(table, scope.PartitionKey, keys, cancellationToken).ConfigureAwait(false);
    }

    private static string SessionPrefix(string sessionId) => KeyCodec.Encode(Ids.Require(sessionId, nameof(sessionId))) + "|";

    private static string RowKey(string sessionId, int version)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        return SessionPrefix(sessionId) + (int.MaxValue - version).ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static ProtocolRecord FromEntity(TableEntity entity) => new(
        entity.GetString("SessionId")!,
        entity.GetInt32("Version")!.Value,
        entity.GetString("CaseReference"),
        LargeText.Read(entity, "Content") ?? string.Empty,
        entity.GetDateTimeOffset("CreatedAt")!.Value);
}

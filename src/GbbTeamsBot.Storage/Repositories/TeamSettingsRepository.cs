using Azure;
using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Storage.Repositories;

/// <summary>A team's settings as stored: a JSON document (the application maps it to the domain) and its ETag.</summary>
public sealed record TeamSettingsRecord(string SettingsJson, DateTimeOffset UpdatedAt, ETag ETag);

/// <summary>
/// One row per tenant and team (or chat) in the Settings table: PK the team partition, RK "team". The settings are one
/// JSON property, so further settings need no storage change. Writes are conditional: insert when new (a second
/// first write gets <see cref="TableConflictException"/>), replace with If-Match otherwise
/// (<see cref="TablePreconditionFailedException"/> when someone saved in between).
/// </summary>
public sealed class TeamSettingsRepository(StorageTables tables)
{
    private const string RowKey = "team";

    public async Task<TeamSettingsRecord?> GetAsync(TeamScope scope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.Settings, cancellationToken).ConfigureAwait(false);
        var entity = await table.GetIfExistsAsync(scope.PartitionKey, RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity is null
            ? null
            : new TeamSettingsRecord(entity.GetString("Settings") ?? "{}", entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue, entity.ETag);
    }

    /// <summary>Stores the settings; <paramref name="ifMatch"/> is the ETag read before, or null for a team without a row yet.</summary>
    public async Task<ETag> SaveAsync(TeamScope scope, string settingsJson, DateTimeOffset now, ETag? ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(settingsJson);
        var entity = new TableEntity(scope.PartitionKey, RowKey)
        {
            ["TenantId"] = scope.TenantId,
            ["TeamId"] = scope.TeamId,
            ["Settings"] = settingsJson,
            ["UpdatedAt"] = now,
        };
        var table = await tables.GetAsync(tables.Settings, cancellationToken).ConfigureAwait(false);
        return ifMatch is { } etag
            ? await table.UpdateReplaceAsync(entity, etag, cancellationToken).ConfigureAwait(false)
            : await table.InsertAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Every team's settings (one row per team, so this is a bounded scan of the Settings table): the Graph sync uses it
    /// to find the teams that turned a Graph feature on.
    /// </summary>
    public async Task<IReadOnlyList<(TeamScope Scope, TeamSettingsRecord Settings)>> ListAllAsync(CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Settings, cancellationToken).ConfigureAwait(false);
        var result = new List<(TeamScope, TeamSettingsRecord)>();
        await foreach (var entity in table.QueryAsync(TableClient.CreateQueryFilter($"RowKey eq {RowKey}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.GetString("TenantId") is { Length: > 0 } tenant && entity.GetString("TeamId") is { Length: > 0 } team)
            {
                result.Add((new TeamScope(tenant, team), new TeamSettingsRecord(entity.GetString("Settings") ?? "{}", entity.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue, entity.ETag)));
            }
        }

        return result;
    }
}

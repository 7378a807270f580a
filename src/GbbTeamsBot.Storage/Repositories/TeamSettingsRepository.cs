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
}

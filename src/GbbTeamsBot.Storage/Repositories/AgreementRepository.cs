using Azure;
using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Storage.Repositories;

/// <summary>An agreement made in a session about a (pseudonymous) case reference.</summary>
public sealed record AgreementRecord(string CaseReference, string AgreementId, string SessionId, string Status, string PayloadJson, DateTimeOffset? DueAt, DateTimeOffset UpdatedAt);

public sealed record StoredAgreement(AgreementRecord Agreement, ETag ETag);

/// <summary>
/// Agreements in the team's partition, RK "{caseReference}|{agreementId}": all agreements of a case are one
/// range scan; the team's open agreements are one partition scan.
/// </summary>
public sealed class AgreementRepository(StorageTables tables)
{
    /// <summary>Inserts a new agreement; <see cref="TableConflictException"/> if the id exists for this case.</summary>
    public async Task<ETag> InsertAsync(TeamScope scope, AgreementRecord agreement, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Agreements, cancellationToken).ConfigureAwait(false);
        return await table.InsertAsync(ToEntity(scope, agreement), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Updates (e.g. the status) only if unchanged since read; <see cref="TablePreconditionFailedException"/> otherwise.</summary>
    public async Task<ETag> UpdateAsync(TeamScope scope, AgreementRecord agreement, ETag expected, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Agreements, cancellationToken).ConfigureAwait(false);
        return await table.UpdateReplaceAsync(ToEntity(scope, agreement), expected, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredAgreement?> GetAsync(TeamScope scope, string caseReference, string agreementId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.Agreements, cancellationToken).ConfigureAwait(false);
        var entity = await table.GetIfExistsAsync(scope.PartitionKey, RowKey(caseReference, agreementId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity is null ? null : new StoredAgreement(FromEntity(entity), entity.ETag);
    }

    public async Task<IReadOnlyList<StoredAgreement>> ListForCaseAsync(TeamScope scope, string caseReference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return await QueryAsync(KeyFilters.RowKeyStartsWith(scope.PartitionKey, CasePrefix(caseReference)), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The team's agreements, optionally with one status (e.g. "open" for follow-ups).</summary>
    public async Task<IReadOnlyList<StoredAgreement>> ListForTeamAsync(TeamScope scope, string? status = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var filter = KeyFilters.PartitionKeyEquals(scope.PartitionKey);
        if (status is not null)
        {
            filter = KeyFilters.And(filter, TableClient.CreateQueryFilter($"Status eq {status}"));
        }

        return await QueryAsync(filter, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes every agreement of one case reference (deletion requests). Returns the rows deleted.</summary>
    public async Task<int> DeleteForCaseAsync(TeamScope scope, string caseReference, CancellationToken cancellationToken = default)
    {
        var stored = await ListForCaseAsync(scope, caseReference, cancellationToken).ConfigureAwait(false);
        var table = await tables.GetAsync(tables.Agreements, cancellationToken).ConfigureAwait(false);
        return await RowDeletion.DeleteAsync(table, scope.PartitionKey, stored.Select(a => RowKey(a.Agreement.CaseReference, a.Agreement.AgreementId)).ToArray(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes the agreements made in one session (retention of ended sessions). Returns the rows deleted.</summary>
    public async Task<int> DeleteForSessionAsync(TeamScope scope, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var filter = KeyFilters.And(KeyFilters.PartitionKeyEquals(scope.PartitionKey), TableClient.CreateQueryFilter($"SessionId eq {Ids.Require(sessionId, nameof(sessionId))}"));
        var stored = await QueryAsync(filter, cancellationToken).ConfigureAwait(false);
        var table = await tables.GetAsync(tables.Agreements, cancellationToken).ConfigureAwait(false);
        return await RowDeletion.DeleteAsync(table, scope.PartitionKey, stored.Select(a => RowKey(a.Agreement.CaseReference, a.Agreement.AgreementId)).ToArray(), cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<StoredAgreement>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Agreements, cancellationToken).ConfigureAwait(false);
        var result = new List<StoredAgreement>();
        await foreach (var entity in table.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(new StoredAgreement(FromEntity(entity), entity.ETag));
        }

        return result;
    }

    private static string CasePrefix(string caseReference) => KeyCodec.Encode(Ids.Require(caseReference, nameof(caseReference))) + "|";

    private static string RowKey(string caseReference, string agreementId) => CasePrefix(caseReference) + KeyCodec.Encode(Ids.Require(agreementId, nameof(agreementId)));

    private static TableEntity ToEntity(TeamScope scope, AgreementRecord agreement)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(agreement);
        var entity = new TableEntity(scope.PartitionKey, RowKey(agreement.CaseReference, agreement.AgreementId))
        {
            ["CaseReference"] = agreement.CaseReference,
            ["AgreementId"] = agreement.AgreementId,
            ["SessionId"] = Ids.Require(agreement.SessionId, nameof(agreement.SessionId)),
            ["Status"] = Ids.Require(agreement.Status, nameof(agreement.Status)),
            ["DueAt"] = agreement.DueAt,
            ["UpdatedAt"] = agreement.UpdatedAt,
        };
        LargeText.Write(entity, "Payload", agreement.PayloadJson);
        return entity;
    }

    private static AgreementRecord FromEntity(TableEntity entity) => new(
        entity.GetString("CaseReference")!,
        entity.GetString("AgreementId")!,
        entity.GetString("SessionId")!,
        entity.GetString("Status")!,
        LargeText.Read(entity, "Payload") ?? string.Empty,
        entity.GetDateTimeOffset("DueAt"),
        entity.GetDateTimeOffset("UpdatedAt")!.Value);
}

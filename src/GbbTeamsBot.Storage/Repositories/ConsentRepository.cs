using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Storage.Repositories;

/// <summary>A person's consent decision for one purpose about one subject (a session id, or e.g. "team").</summary>
public sealed record ConsentRecord(string Subject, string Purpose, string UserId, bool Granted, DateTimeOffset RecordedAt, string? NoticeVersion);

/// <summary>
/// Consent records in the team's partition, RK "{subject}|{purpose}|{userId}". Recording replaces the previous
/// decision unconditionally on purpose: the person's latest decision is the one that counts.
/// </summary>
public sealed class ConsentRepository(StorageTables tables)
{
    public async Task RecordAsync(TeamScope scope, ConsentRecord consent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(consent);
        var entity = new TableEntity(scope.PartitionKey, RowKey(consent.Subject, consent.Purpose, consent.UserId))
        {
            ["Subject"] = consent.Subject,
            ["Purpose"] = consent.Purpose,
            ["UserId"] = consent.UserId,
            ["Granted"] = consent.Granted,
            ["RecordedAt"] = consent.RecordedAt,
            ["NoticeVersion"] = consent.NoticeVersion,
        };
        var table = await tables.GetAsync(tables.Consents, cancellationToken).ConfigureAwait(false);
        await table.UpsertReplaceAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ConsentRecord?> GetAsync(TeamScope scope, string subject, string purpose, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.Consents, cancellationToken).ConfigureAwait(false);
        var entity = await table.GetIfExistsAsync(scope.PartitionKey, RowKey(subject, purpose, userId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    public async Task<IReadOnlyList<ConsentRecord>> ListForSubjectAsync(TeamScope scope, string subject, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.Consents, cancellationToken).ConfigureAwait(false);
        var result = new List<ConsentRecord>();
        await foreach (var entity in table.QueryAsync(KeyFilters.RowKeyStartsWith(scope.PartitionKey, SubjectPrefix(subject)), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(FromEntity(entity));
        }

        return result;
    }

    public async Task<int> DeleteForSubjectAsync(TeamScope scope, string subject, CancellationToken cancellationToken = default)
    {
        var records = await ListForSubjectAsync(scope, subject, cancellationToken).ConfigureAwait(false);
        var table = await tables.GetAsync(tables.Consents, cancellationToken).ConfigureAwait(false);
        return await RowDeletion.DeleteAsync(table, scope.PartitionKey, records.Select(r => RowKey(r.Subject, r.Purpose, r.UserId)).ToArray(), cancellationToken).ConfigureAwait(false);
    }

    private static string SubjectPrefix(string subject) => KeyCodec.Encode(Ids.Require(subject, nameof(subject))) + "|";

    private static string RowKey(string subject, string purpose, string userId) =>
        SubjectPrefix(subject) + KeyCodec.Encode(Ids.Require(purpose, nameof(purpose))) + "|" + KeyCodec.Encode(Ids.Require(userId, nameof(userId)));

    private static ConsentRecord FromEntity(TableEntity entity) => new(
        entity.GetString("Subject")!,
        entity.GetString("Purpose")!,
        entity.GetString("UserId")!,
        entity.GetBoolean("Granted")!.Value,
        entity.GetDateTimeOffset("RecordedAt")!.Value,
        entity.GetString("NoticeVersion"));
}

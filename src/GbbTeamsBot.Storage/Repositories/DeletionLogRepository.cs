using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Storage.Repositories;

/// <summary>Why rows were deleted: a person asked for a case's data to go, or the team's retention period ran out.</summary>
public enum DeletionReason
{
    CaseRequest,
    Retention,
}

/// <summary>
/// One deletion, without content: when, why, who asked (their pseudonymous Teams id; none for the purge), the number
/// of rows per kind, and a fingerprint of the case reference. The fingerprint lets an auditor who knows a pseudonym
/// check that it was deleted, without the log naming any case.
/// </summary>
public sealed record DeletionLogEntry(DateTimeOffset DeletedAt, DeletionReason Reason, string? RequestedBy, string? CaseFingerprint, DeletionReport Counts);

/// <summary>The deletion log of a team: its partition, RK = inverted ticks + random suffix (newest first). Insert-only.</summary>
public sealed class DeletionLogRepository(StorageTables tables)
{
    public async Task AddAsync(TeamScope scope, DeletionLogEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(entry);
        var rowKey = (DateTimeOffset.MaxValue.UtcTicks - entry.DeletedAt.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + Guid.NewGuid().ToString("N");
        var entity = new TableEntity(scope.PartitionKey, rowKey)
        {
            ["DeletedAt"] = entry.DeletedAt,
            ["Reason"] = entry.Reason.ToString(),
            ["RequestedBy"] = entry.RequestedBy,
            ["CaseFingerprint"] = entry.CaseFingerprint,
            ["SessionRows"] = entry.Counts.SessionRows,
            ["Protocols"] = entry.Counts.Protocols,
            ["Agreements"] = entry.Counts.Agreements,
            ["Consents"] = entry.Counts.Consents,
        };
        var table = await tables.GetAsync(tables.DeletionLog, cancellationToken).ConfigureAwait(false);
        await table.InsertAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The team's deletions, newest first (at most <paramref name="max"/>).</summary>
    public async Task<IReadOnlyList<DeletionLogEntry>> ListAsync(TeamScope scope, int max = 100, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.DeletionLog, cancellationToken).ConfigureAwait(false);
        var result = new List<DeletionLogEntry>();
        await foreach (var entity in table.QueryAsync(KeyFilters.PartitionKeyEquals(scope.PartitionKey), maxPerPage: Math.Clamp(max, 1, TableLimits.MaxPageSize), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(new DeletionLogEntry(
                entity.GetDateTimeOffset("DeletedAt")!.Value,
                Enum.Parse<DeletionReason>(entity.GetString("Reason")!),
                entity.GetString("RequestedBy"),
                entity.GetString("CaseFingerprint"),
                new DeletionReport(entity.GetInt32("SessionRows") ?? 0, entity.GetInt32("Protocols") ?? 0, entity.GetInt32("Agreements") ?? 0, entity.GetInt32("Consents") ?? 0)));
            if (result.Count == max)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>SHA-256 over team and case reference (hex, 32 characters): equal for the same case in the same team, and names neither.</summary>
    public static string Fingerprint(TeamScope scope, string caseReference)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(scope.PartitionKey + "\n" + caseReference));
        return Convert.ToHexStringLower(bytes.AsSpan(0, 16));
    }
}

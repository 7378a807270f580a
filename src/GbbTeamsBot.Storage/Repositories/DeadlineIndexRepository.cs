using System.Globalization;
using Azure;
using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Storage.Repositories;

/// <summary>A phase deadline: which session, which token (stale tokens are ignored by the domain), when.</summary>
public sealed record DeadlineRecord(string TenantId, string TeamId, string SessionId, string Token, DateTimeOffset DueAt)
{
    public TeamScope Scope => new(TenantId, TeamId);
}

/// <summary>A deadline row as read, with its ETag and lease (who claimed it, until when).</summary>
public sealed record DeadlineEntry(DeadlineRecord Deadline, ETag ETag, string? ClaimedBy, DateTimeOffset? ClaimedUntil);

/// <summary>
/// The deadline index: PK = minute bucket "yyyy-MM-ddTHH:mm" (UTC) of the due time, RK =
/// "{tenant}|{team}|{session}|{token}". A scanner reads the due buckets (point partitions, no table scan) and
/// claims a row with If-Match before firing it, so two scanner instances never both fire one deadline.
/// This is the only cross-team table; its rows hold ids and times, no content.
/// </summary>
public sealed class DeadlineIndexRepository(StorageTables tables)
{
    /// <summary>The longest window one <see cref="ListDueAsync"/> call reads (one query per minute bucket).</summary>
    public static readonly TimeSpan MaxScanWindow = TimeSpan.FromDays(7);

    public static string BucketOf(DateTimeOffset dueAt) => dueAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Adds the deadline; scheduling the same session+token+time again is harmless (idempotent).</summary>
    public async Task<DeadlineEntry> ScheduleAsync(TeamScope scope, string sessionId, string token, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var record = new DeadlineRecord(scope.TenantId, scope.TeamId, Ids.Require(sessionId, nameof(sessionId)), Ids.Require(token, nameof(token)), dueAt.ToUniversalTime());
        var entity = new TableEntity(BucketOf(dueAt), RowKey(record))
        {
            ["TenantId"] = record.TenantId,
            ["TeamId"] = record.TeamId,
            ["SessionId"] = record.SessionId,
            ["Token"] = record.Token,
            ["DueAt"] = record.DueAt,
        };
        var table = await tables.GetAsync(tables.Deadlines, cancellationToken).ConfigureAwait(false);
        try
        {
            var etag = await table.InsertAsync(entity, cancellationToken).ConfigureAwait(false);
            return new DeadlineEntry(record, etag, null, null);
        }
        catch (TableConflictException)
        {
            var existing = await table.GetAsync(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            return FromEntity(existing);
        }
    }

    /// <summary>
    /// Deadlines due at or before <paramref name="now"/> in the buckets from <paramref name="from"/> to now that are not
    /// under someone else's unexpired lease. The scanner passes its last scan time (minus a margin) as from.
    /// </summary>
    public async Task<IReadOnlyList<DeadlineEntry>> ListDueAsync(DateTimeOffset from, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (now - from > MaxScanWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(from), "A scan window longer than 7 days is refused; scan in steps.");
        }

        var table = await tables.GetAsync(tables.Deadlines, cancellationToken).ConfigureAwait(false);
        var result = new List<DeadlineEntry>();
        var bucket = new DateTimeOffset(from.UtcDateTime.Year, from.UtcDateTime.Month, from.UtcDateTime.Day, from.UtcDateTime.Hour, from.UtcDateTime.Minute, 0, TimeSpan.Zero);
        for (; bucket <= now; bucket = bucket.AddMinutes(1))
        {
            var filter = KeyFilters.And(KeyFilters.PartitionKeyEquals(BucketOf(bucket)), TableClient.CreateQueryFilter($"DueAt le {now}"));
            await foreach (var entity in table.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var entry = FromEntity(entity);
                if (entry.ClaimedUntil is null || entry.ClaimedUntil <= now)
                {
                    result.Add(entry);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// Claims the deadline for <paramref name="lease"/> if it is unchanged since read (If-Match). Returns the claimed
    /// entry, or null when another instance claimed, completed or cancelled it first.
    /// </summary>
    public async Task<DeadlineEntry?> TryClaimAsync(DeadlineEntry entry, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Ids.Require(owner, nameof(owner));
        if (entry.ClaimedUntil > now && entry.ClaimedBy != owner)
        {
            return null;
        }

        var until = now + lease;
        var entity = new TableEntity(BucketOf(entry.Deadline.DueAt), RowKey(entry.Deadline)) { ["ClaimedBy"] = owner, ["ClaimedUntil"] = until };
        var table = await tables.GetAsync(tables.Deadlines, cancellationToken).ConfigureAwait(false);
        try
        {
            var etag = await table.UpdateMergeAsync(entity, entry.ETag, cancellationToken).ConfigureAwait(false);
            return entry with { ETag = etag, ClaimedBy = owner, ClaimedUntil = until };
        }
        catch (TableStorageException ex) when (ex is TablePreconditionFailedException or TableResourceNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Removes a fired deadline if the claim still holds; false if someone else took it over meanwhile.</summary>
    public async Task<bool> CompleteAsync(DeadlineEntry claimed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var table = await tables.GetAsync(tables.Deadlines, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.DeleteAsync(BucketOf(claimed.Deadline.DueAt), RowKey(claimed.Deadline), claimed.ETag, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableStorageException ex) when (ex is TablePreconditionFailedException or TableResourceNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Removes a scheduled deadline (e.g. the phase ended early). Unconditional on purpose; missing is fine.</summary>
    public async Task CancelAsync(TeamScope scope, string sessionId, string token, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var record = new DeadlineRecord(scope.TenantId, scope.TeamId, sessionId, token, dueAt);
        var table = await tables.GetAsync(tables.Deadlines, cancellationToken).ConfigureAwait(false);
        await RowDeletion.DeleteAsync(table, BucketOf(dueAt), [RowKey(record)], cancellationToken).ConfigureAwait(false);
    }

    private static string RowKey(DeadlineRecord record) =>
        string.Join('|', KeyCodec.Encode(record.TenantId), KeyCodec.Encode(record.TeamId), KeyCodec.Encode(record.SessionId), KeyCodec.Encode(record.Token));

    private static DeadlineEntry FromEntity(TableEntity entity) => new(
        new DeadlineRecord(
            entity.GetString("TenantId")!,
            entity.GetString("TeamId")!,
            entity.GetString("SessionId")!,
            entity.GetString("Token")!,
            entity.GetDateTimeOffset("DueAt")!.Value),
        entity.ETag,
        entity.GetString("ClaimedBy"),
        entity.GetDateTimeOffset("ClaimedUntil"));
}

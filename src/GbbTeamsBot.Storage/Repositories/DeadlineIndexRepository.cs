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

/// <summary>Due rows of one read, oldest bucket first; <see cref="Truncated"/> when the read stopped at its bound.</summary>
public sealed record DueDeadlines(IReadOnlyList<DeadlineEntry> Rows, bool Truncated);

/// <summary>What a batched claim got: the rows now leased to the caller (with their new ETags) and how many it lost.</summary>
public sealed record DeadlineClaims(IReadOnlyList<DeadlineEntry> Claimed, int Lost);

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

    /// <summary>Leased rows one bucket read skips past before it stops (they are someone else's, in flight).</summary>
    public const int MaxLeasedRowsSkipped = 2_000;

    /// <summary>Transactions one claim chunk tries, each leaving out the row the service named as taken.</summary>
    public const int MaxClaimAttempts = 3;

    /// <summary>The <c>ClaimedUntil</c> of a row nobody claimed (long past, so every lease check sees it free).</summary>
    public static readonly DateTimeOffset NotClaimed = DateTimeOffset.UnixEpoch;

    private static readonly string[] Columns = ["TenantId", "TeamId", "SessionId", "Token", "DueAt", "ClaimedBy", "ClaimedUntil"];

    public static string BucketOf(DateTimeOffset dueAt) => dueAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Adds the deadline; scheduling the same session+token+time again is harmless (idempotent).</summary>
    public async Task<DeadlineEntry> ScheduleAsync(TeamScope scope, string sessionId, string token, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var record = new DeadlineRecord(scope.TenantId, scope.TeamId, Ids.Require(sessionId, nameof(sessionId)), Ids.Require(token, nameof(token)), dueAt.ToUniversalTime());
        var entity = ToEntity(record);
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
    /// Deadlines due at or before <paramref name="until"/> in the buckets from <paramref name="from"/> on, oldest bucket
    /// first, that are not under someone else's unexpired lease at <paramref name="now"/> (rows leased by
    /// <paramref name="claimant"/> count as free). Bounded: at most <paramref name="maxRows"/> rows, and per bucket at
    /// most <see cref="MaxLeasedRowsSkipped"/> leased rows are read past, so a busy bucket never makes one scan unbounded.
    /// </summary>
    public async Task<DueDeadlines> ReadDueAsync(
        DateTimeOffset from, DateTimeOffset until, DateTimeOffset now, int maxRows, string? claimant = null, CancellationToken cancellationToken = default) =>
        await ReadAsync(from, until, now, maxRows, claimant, freeOnly: false, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Like <see cref="ReadDueAsync"/>, but the service leaves out every row under a lease (<c>ClaimedUntil gt now</c>),
    /// so a bucket full of rows other instances (or this one) hold costs nothing to read past. Rows written before
    /// <c>ClaimedUntil</c> was set on every new row have no such property and are found only by <see cref="ReadDueAsync"/>.
    /// </summary>
    public async Task<DueDeadlines> ReadFreeAsync(DateTimeOffset from, DateTimeOffset until, DateTimeOffset now, int maxRows, CancellationToken cancellationToken = default) =>
        await ReadAsync(from, until, now, maxRows, null, freeOnly: true, cancellationToken).ConfigureAwait(false);

    private async Task<DueDeadlines> ReadAsync(
        DateTimeOffset from, DateTimeOffset until, DateTimeOffset now, int maxRows, string? claimant, bool freeOnly, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        if (until - from > MaxScanWindow)
        {
            throw new ArgumentOutOfRangeException(nameof(from), "A scan window longer than 7 days is refused; scan in steps.");
        }

        var table = await tables.GetAsync(tables.Deadlines, cancellationToken).ConfigureAwait(false);
        var result = new List<DeadlineEntry>();
        var truncated = false;
        for (var bucket = MinuteOf(from); bucket <= until && !truncated; bucket = bucket.AddMinutes(1))
        {
            var filter = KeyFilters.And(KeyFilters.PartitionKeyEquals(BucketOf(bucket)), TableClient.CreateQueryFilter($"DueAt le {until}"));
            if (freeOnly)
            {
                filter = KeyFilters.And(filter, TableClient.CreateQueryFilter($"ClaimedUntil le {now}"));
            }

            var skipped = 0;
            await foreach (var entity in table.QueryAsync(filter, Columns, Math.Min(TableLimits.MaxPageSize, maxRows + MaxLeasedRowsSkipped), cancellationToken).ConfigureAwait(false))
            {
                var entry = FromEntity(entity);
                if (entry.ClaimedUntil > now && !string.Equals(entry.ClaimedBy, claimant, StringComparison.Ordinal))
                {
                    if (++skipped > MaxLeasedRowsSkipped)
                    {
                        // Someone else's rows in flight; the next read (or the service-side filter) gets past them.
                        break;
                    }

                    continue;
                }

                if (result.Count == maxRows)
                {
                    truncated = true;
                    break;
                }

                result.Add(entry);
            }
        }

        return new DueDeadlines(result, truncated);
    }

    /// <summary>
    /// Deadlines due at or before <paramref name="now"/> in the buckets from <paramref name="from"/> to now that are not
    /// under an unexpired lease, oldest bucket first, at most <paramref name="maxRows"/>.
    /// </summary>
    public async Task<IReadOnlyList<DeadlineEntry>> ListDueAsync(DateTimeOffset from, DateTimeOffset now, int maxRows = TableLimits.MaxPageSize, CancellationToken cancellationToken = default) =>
        (await ReadDueAsync(from, now, now, maxRows, null, cancellationToken).ConfigureAwait(false)).Rows;

    /// <summary>
    /// Claims the deadline for <paramref name="lease"/> if it is unchanged since read (If-Match). Returns the claimed
    /// entry, or null when another instance claimed, completed or cancelled it first.
    /// </summary>
    public async Task<DeadlineEntry?> TryClaimAsync(DeadlineEntry entry, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var claimed = await TryClaimAllAsync([entry], owner, now, lease, cancellationToken).ConfigureAwait(false);
        return claimed.Claimed.Count == 1 ? claimed.Claimed[0] : null;
    }

    /// <summary>
    /// Claims due rows of one minute bucket in one transaction per 100 rows: each row with If-Match against the ETag it
    /// was read with, leased until <c>max(now, DueAt) + lease</c>. All or nothing per transaction, so two scanners that
    /// reach for the same rows get one winner per row. A row someone else took first (the service names it) is left out
    /// and the rest are tried again, at most <see cref="MaxClaimAttempts"/> times; what is still lost comes back with the
    /// next scan, if it is still free.
    /// </summary>
    public async Task<DeadlineClaims> TryClaimAllAsync(IReadOnlyList<DeadlineEntry> entries, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Ids.Require(owner, nameof(owner));
        var table = await tables.GetAsync(tables.Deadlines, cancellationToken).ConfigureAwait(false);
        var claimed = new List<DeadlineEntry>(entries.Count);
        var lost = 0;
        foreach (var bucket in entries.GroupBy(e => BucketOf(e.Deadline.DueAt), StringComparer.Ordinal))
        {
            foreach (var chunk in bucket.Chunk(TableLimits.MaxBatchOperations))
            {
                var open = chunk.Where(e => !(e.ClaimedUntil > now && e.ClaimedBy != owner)).ToList();
                lost += chunk.Length - open.Count;
                for (var attempt = 1; open.Count > 0; attempt++)
                {
                    var leases = open.Select(e => e with { ClaimedBy = owner, ClaimedUntil = (e.Deadline.DueAt > now ? e.Deadline.DueAt : now) + lease }).ToList();
                    var actions = leases.Select(e => new TableTransactionAction(
                        TableTransactionActionType.UpdateMerge,
                        new TableEntity(bucket.Key, RowKey(e.Deadline)) { ["ClaimedBy"] = owner, ["ClaimedUntil"] = e.ClaimedUntil!.Value },
                        e.ETag)).ToList();
                    try
                    {
                        var etags = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                        claimed.AddRange(leases.Select((e, i) => e with { ETag = etags[i] }));
                        break;
                    }
                    catch (TableStorageException ex) when (ex is TablePreconditionFailedException or TableResourceNotFoundException)
                    {
                        if (attempt >= MaxClaimAttempts || ex.FailedOperationIndex is not { } failed || failed < 0 || failed >= open.Count)
                        {
                            lost += open.Count;
                            break;
                        }

                        open.RemoveAt(failed);
                        lost++;
                    }
                }
            }
        }

        return new DeadlineClaims(claimed, lost);
    }

    /// <summary>Removes a fired deadline if the claim still holds; false if someone else took it over meanwhile.</summary>
    public async Task<bool> CompleteAsync(DeadlineEntry claimed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        return await CompleteAllAsync([claimed], cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>
    /// Removes fired (or stale) deadlines whose claims still hold: one delete transaction with If-Match per bucket and
    /// 100 rows; if a row was taken over meanwhile, the rest are deleted one by one. Returns how many were removed.
    /// </summary>
    public async Task<int> CompleteAllAsync(IReadOnlyList<DeadlineEntry> claimed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var table = await tables.GetAsync(tables.Deadlines, cancellationToken).ConfigureAwait(false);
        var removed = 0;
        foreach (var bucket in claimed.GroupBy(e => BucketOf(e.Deadline.DueAt), StringComparer.Ordinal))
        {
            foreach (var chunk in bucket.Chunk(TableLimits.MaxBatchOperations))
            {
                try
                {
                    await table.SubmitTransactionAsync(
                        chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(bucket.Key, RowKey(e.Deadline)), e.ETag)).ToList(),
                        cancellationToken).ConfigureAwait(false);
                    removed += chunk.Length;
                    continue;
                }
                catch (TableStorageException ex) when (chunk.Length > 1 && ex is TablePreconditionFailedException or TableResourceNotFoundException)
                {
                }
                catch (TableStorageException ex) when (ex is TablePreconditionFailedException or TableResourceNotFoundException)
                {
                    continue;
                }

                foreach (var entry in chunk)
                {
                    try
                    {
                        await table.DeleteAsync(bucket.Key, RowKey(entry.Deadline), entry.ETag, cancellationToken).ConfigureAwait(false);
                        removed++;
                    }
                    catch (TableStorageException ex) when (ex is TablePreconditionFailedException or TableResourceNotFoundException)
                    {
                    }
                }
            }
        }

        return removed;
    }

    /// <summary>
    /// Indexes many deadlines: one transaction per bucket and 100 rows (upsert-merge, so scheduling a row again is
    /// harmless). With a <paramref name="claimant"/> the rows are written already claimed by it, until their instant
    /// plus <paramref name="lease"/>: the instance that fired a session keeps its next deadline and fires it from
    /// memory, without a claim or a read. Returns the rows as written, with their ETags, in the order given.
    /// </summary>
    public async Task<IReadOnlyList<DeadlineEntry>> ScheduleAllAsync(
        IReadOnlyList<DeadlineRecord> deadlines, string? claimant = null, TimeSpan lease = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        if (deadlines.Count == 0)
        {
            return [];
        }

        var table = await tables.GetAsync(tables.Deadlines, cancellationToken).ConfigureAwait(false);
        var written = new Dictionary<string, DeadlineEntry>(StringComparer.Ordinal);
        var distinct = deadlines.Select(d => d with { DueAt = d.DueAt.ToUniversalTime() }).DistinctBy(RowKey, StringComparer.Ordinal);
        foreach (var bucket in distinct.GroupBy(d => BucketOf(d.DueAt), StringComparer.Ordinal))
        {
            foreach (var chunk in bucket.Chunk(TableLimits.MaxBatchOperations))
            {
                var rows = chunk.Select(d => claimant is null
                    ? new DeadlineEntry(d, default, null, null)
                    : new DeadlineEntry(d, default, Ids.Require(claimant, nameof(claimant)), d.DueAt + lease)).ToList();
                var etags = await table.SubmitTransactionAsync(
                    rows.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertMerge, ToEntity(r.Deadline, r.ClaimedBy, r.ClaimedUntil))).ToList(),
                    cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < rows.Count; i++)
                {
                    written[RowKey(rows[i].Deadline)] = rows[i] with { ETag = etags[i] };
                }
            }
        }

        return deadlines.Select(d => written[RowKey(d)]).ToList();
    }

    /// <summary>Removes a scheduled deadline (e.g. the phase ended early). Unconditional on purpose; missing is fine.</summary>
    public async Task CancelAsync(TeamScope scope, string sessionId, string token, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var record = new DeadlineRecord(scope.TenantId, scope.TeamId, sessionId, token, dueAt);
        var table = await tables.GetAsync(tables.Deadlines, cancellationToken).ConfigureAwait(false);
        await RowDeletion.DeleteAsync(table, BucketOf(dueAt), [RowKey(record)], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A row as scheduled. Every row carries <c>ClaimedUntil</c> (<see cref="NotClaimed"/> when free), so a read can let
    /// the service leave out leased rows; <c>ClaimedBy</c> is written only with a claim.
    /// </summary>
    private static TableEntity ToEntity(DeadlineRecord record, string? claimedBy = null, DateTimeOffset? claimedUntil = null) => new(BucketOf(record.DueAt), RowKey(record))
    {
        ["TenantId"] = record.TenantId,
        ["TeamId"] = record.TeamId,
        ["SessionId"] = record.SessionId,
        ["Token"] = record.Token,
        ["DueAt"] = record.DueAt,
        ["ClaimedBy"] = claimedBy,
        ["ClaimedUntil"] = claimedUntil ?? NotClaimed,
    };

    private static DateTimeOffset MinuteOf(DateTimeOffset at)
    {
        var utc = at.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, 0, TimeSpan.Zero);
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
        entity.GetDateTimeOffset("ClaimedUntil") is { } until && until > NotClaimed ? until : null);
}

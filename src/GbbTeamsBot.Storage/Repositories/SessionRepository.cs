using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Storage.Repositories;

/// <summary>A session as stored: the domain snapshot as JSON plus the few fields queries need.</summary>
public sealed record SessionRecord(string SessionId, long Version, string Status, string? CaseReference, string SnapshotJson, DateTimeOffset UpdatedAt);

/// <summary>A session row without its snapshot, for lists.</summary>
public sealed record SessionSummary(string SessionId, long Version, string Status, string? CaseReference, DateTimeOffset UpdatedAt, ETag ETag);

/// <summary>A session that has ended, with the team it belongs to (for the retention purge).</summary>
public sealed record EndedSession(TeamScope Scope, string SessionId, string? CaseReference, DateTimeOffset EndedAt);

/// <summary>A session with the ETag to pass back to <see cref="SessionRepository.SaveAsync"/>.</summary>
public sealed record StoredSession(SessionRecord Session, ETag ETag);

/// <summary>
/// A card action's request id with the outcome it had, kept until <paramref name="ExpiresAt"/>. It is written in the
/// same transaction as the change the request made, so "stored" and "remembered as done" cannot part.
/// </summary>
public sealed record SessionRequestRecord(string RequestId, string OutcomeJson, DateTimeOffset ExpiresAt);

/// <summary>
/// Work that must follow a stored session change (writing agreements, protocols, consent outside the session),
/// kept in the session's partition and written in the same transaction as the change, so it cannot be lost.
/// </summary>
public sealed record SessionOutboxRecord(string SessionId, long Version, string WorkJson, DateTimeOffset DueAt);

/// <summary>An outbox row as read back for replay, with its team and ETag.</summary>
public sealed record StoredOutboxEntry(TeamScope Scope, SessionOutboxRecord Entry, int Attempts, ETag ETag);

/// <summary>One confirmed protocol version of a session (the document as JSON), kept in its own row of the session partition.</summary>
public sealed record ProtocolVersionRowRecord(string SessionId, int Version, string DocumentJson, DateTimeOffset CreatedAt);

/// <summary>One contribution of a session (payload as JSON, author as a pseudonymous id).</summary>
public sealed record ContributionRecord(string SessionId, string ContributionId, string Kind, string? AuthorId, string PayloadJson, DateTimeOffset CreatedAt);

/// <summary>
/// Sessions, their contributions and their card actions' request ids, in the team's partition of the Sessions table:
/// RK "session|{id}" for the session row, "contribution|{sessionId}|{contributionId}" for contributions and
/// "request|{sessionId}|{requestId}" for requests, so a save, its new contributions and the request that made it are
/// one all-or-nothing entity group transaction guarded by the session's ETag.
/// </summary>
public sealed class SessionRepository(StorageTables tables)
{
    /// <summary>At most this many contributions can ride along with one save (the batch limit minus the session, request, outbox and one protocol version row).</summary>
    public const int MaxContributionsPerSave = TableLimits.MaxBatchOperations - 4;

    /// <summary>Request ids up to this length are keyed as they are; longer ones (they come from card data) by their SHA-256.</summary>
    public const int MaxRequestIdLength = 200;

    /// <summary>The longest outcome a request row holds (one string property).</summary>
    public const int MaxOutcomeLength = TableLimits.MaxStringLength;

    private const string SessionPrefix = "session|";
    private const string ContributionPrefix = "contribution|";
    private const string RequestPrefix = "request|";
    private const string OutboxPrefix = "outbox|";
    private const string ProtocolVersionPrefix = "protocolversion|";

    /// <summary>Creates a new session (and initial contributions); <see cref="TableConflictException"/> if the id exists.</summary>
    public async Task<ETag> CreateAsync(TeamScope scope, SessionRecord session, IReadOnlyCollection<ContributionRecord>? contributions = null, CancellationToken cancellationToken = default)
    {
        var row = ToEntity(scope, session);
        return await SubmitAsync(scope, new TableTransactionAction(TableTransactionActionType.Add, row), session.SessionId, contributions, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Saves the session only if it is unchanged since <paramref name="expected"/> was read (If-Match), together with
    /// new or changed contributions and the request that made the change, in one transaction. Stores nothing and throws
    /// <see cref="TablePreconditionFailedException"/> when another writer saved first, or
    /// <see cref="TableConflictException"/> when the request's row exists already (the request was processed before:
    /// read its outcome with <see cref="GetRequestAsync"/>). An <paramref name="outbox"/> row (work that must follow the
    /// change) is part of the same transaction: stored exactly when the change is.
    /// </summary>
    public async Task<ETag> SaveAsync(
        TeamScope scope, SessionRecord session, ETag expected, IReadOnlyCollection<ContributionRecord>? contributions = null,
        SessionRequestRecord? request = null, CancellationToken cancellationToken = default, SessionOutboxRecord? outbox = null,
        IReadOnlyCollection<ProtocolVersionRowRecord>? protocolVersions = null)
    {
        if (expected == default || expected == ETag.All)
        {
            throw new ArgumentException("A session save needs the ETag it was read with.", nameof(expected));
        }

        var row = ToEntity(scope, session);
        return await SubmitAsync(scope, new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, expected), session.SessionId, contributions, request, cancellationToken, outbox, protocolVersions).ConfigureAwait(false);
    }

    /// <summary>The protocol versions of a session stored in their own rows, oldest first.</summary>
    public async Task<IReadOnlyList<ProtocolVersionRowRecord>> GetProtocolVersionsAsync(TeamScope scope, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.Sessions, cancellationToken).ConfigureAwait(false);
        var result = new List<ProtocolVersionRowRecord>();
        await foreach (var entity in table.QueryAsync(KeyFilters.RowKeyStartsWith(scope.PartitionKey, ProtocolVersionKeyPrefix(sessionId)), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(new ProtocolVersionRowRecord(
                entity.GetString("SessionId")!,
                entity.GetInt32("Version")!.Value,
                LargeText.Read(entity, "Document") ?? string.Empty,
                entity.GetDateTimeOffset("CreatedAt")!.Value));
        }

        return result.OrderBy(v => v.Version).ToArray();
    }

    /// <summary>
    /// At most <paramref name="maxRows"/> outbox rows of all teams that are due (a key-range scan over "outbox|", like the
    /// purge), oldest version first per session.
    /// </summary>
    public async Task<IReadOnlyList<StoredOutboxEntry>> ListDueOutboxAsync(DateTimeOffset now, int maxRows, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        var table = await tables.GetAsync(tables.Sessions, cancellationToken).ConfigureAwait(false);
        var filter = KeyFilters.And(
            TableClient.CreateQueryFilter($"RowKey ge {OutboxPrefix} and RowKey lt {"outbox}"}"),
            TableClient.CreateQueryFilter($"DueAt le {now}"));
        var result = new List<StoredOutboxEntry>();
        await foreach (var entity in table.QueryAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(new StoredOutboxEntry(
                new TeamScope(entity.GetString("TenantId")!, entity.GetString("TeamId")!),
                new SessionOutboxRecord(entity.GetString("SessionId")!, entity.GetInt64("Version")!.Value, entity.GetString("Work") ?? "{}", entity.GetDateTimeOffset("DueAt")!.Value),
                entity.GetInt32("Attempts") ?? 0,
                entity.ETag));
            if (result.Count >= maxRows)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>Removes a done outbox row (unconditionally: its key names one version, and its work is idempotent).</summary>
    public async Task CompleteOutboxAsync(TeamScope scope, string sessionId, long version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.Sessions, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.DeleteAsync(scope.PartitionKey, OutboxKey(sessionId, version), ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (TableResourceNotFoundException)
        {
            // Done by someone else already.
        }
    }

    /// <summary>Puts a failed outbox row off until <paramref name="dueAt"/> (If-Match; false when it changed or went meanwhile).</summary>
    public async Task<bool> PostponeOutboxAsync(StoredOutboxEntry entry, DateTimeOffset dueAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await tables.GetAsync(tables.Sessions, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.UpdateMergeAsync(
                new TableEntity(entry.Scope.PartitionKey, OutboxKey(entry.Entry.SessionId, entry.Entry.Version)) { ["DueAt"] = dueAt, ["Attempts"] = entry.Attempts + 1 },
                entry.ETag,
                cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableStorageException ex) when (ex is TablePreconditionFailedException or TableResourceNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The stored outcome of a request to this session, or null (never processed, or expired).</summary>
    public async Task<SessionRequestRecord?> GetRequestAsync(TeamScope scope, string sessionId, string requestId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.Sessions, cancellationToken).ConfigureAwait(false);
        var entity = await table.GetIfExistsAsync(scope.PartitionKey, RequestKey(sessionId, requestId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity?.GetDateTimeOffset("ExpiresAt") is { } expires && expires > now
            ? new SessionRequestRecord(entity.GetString("RequestId") ?? requestId, entity.GetString("Outcome") ?? string.Empty, expires)
            : null;
    }

    /// <summary>
    /// Deletes at most <paramref name="maxRows"/> expired request rows of all teams (the periodic purge; a key-range
    /// scan over the table, filtered by ExpiresAt).
    /// </summary>
    public async Task<IdempotencyPurgeResult> PurgeExpiredRequestsAsync(DateTimeOffset now, int maxRows, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        var table = await tables.GetAsync(tables.Sessions, cancellationToken).ConfigureAwait(false);
        var filter = KeyFilters.And(
            TableClient.CreateQueryFilter($"RowKey ge {RequestPrefix} and RowKey lt {"request}"}"),
            TableClient.CreateQueryFilter($"ExpiresAt le {now}"));
        return await ExpiredRows.DeleteAsync(table, filter, maxRows, cancellationToken).ConfigureAwait(false);
    }

    public async Task<StoredSession?> GetAsync(TeamScope scope, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.Sessions, cancellationToken).ConfigureAwait(false);
        var entity = await table.GetIfExistsAsync(scope.PartitionKey, SessionKey(sessionId), cancellationToken: cancellationToken).ConfigureAwait(false);
        return entity is null ? null : new StoredSession(FromEntity(entity), entity.ETag);
    }

    /// <summary>The team's sessions (optionally with one status), without snapshots: a range scan in one partition.</summary>
    public async Task<IReadOnlyList<SessionSummary>> ListAsync(TeamScope scope, string? status = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var filter = KeyFilters.RowKeyStartsWith(scope.PartitionKey, SessionPrefix);
        if (status is not null)
        {
            filter = KeyFilters.And(filter, TableClient.CreateQueryFilter($"Status eq {status}"));
        }

        return await QuerySummariesAsync(filter, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The team's sessions about one case reference (for retention and follow-ups).</summary>
    public async Task<IReadOnlyList<SessionSummary>> ListByCaseReferenceAsync(TeamScope scope, string caseReference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var filter = KeyFilters.And(KeyFilters.RowKeyStartsWith(scope.PartitionKey, SessionPrefix), TableClient.CreateQueryFilter($"CaseReference eq {Ids.Require(caseReference, nameof(caseReference))}"));
        return await QuerySummariesAsync(filter, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sessions of any team that ended (completed or cancelled) before <paramref name="cutoff"/>, oldest pages first as
    /// the service returns them: the candidates of the retention purge. A scan over session rows with $select only.
    /// </summary>
    public async IAsyncEnumerable<EndedSession> ListEndedBeforeAsync(DateTimeOffset cutoff, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Sessions, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter($"RowKey ge {SessionPrefix} and RowKey lt {SessionPrefix[..^1] + "}"} and UpdatedAt lt {cutoff} and (Status eq {"Completed"} or Status eq {"Cancelled"})");
        await foreach (var entity in table.QueryAsync(filter, ["TenantId", "TeamId", "SessionId", "CaseReference", "UpdatedAt"], TableLimits.MaxPageSize, cancellationToken).ConfigureAwait(false))
        {
            yield return new EndedSession(new TeamScope(entity.GetString("TenantId")!, entity.GetString("TeamId")!), entity.GetString("SessionId")!, entity.GetString("CaseReference"), entity.GetDateTimeOffset("UpdatedAt")!.Value);
        }
    }

    public async Task<IReadOnlyList<ContributionRecord>> GetContributionsAsync(TeamScope scope, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.Sessions, cancellationToken).ConfigureAwait(false);
        var result = new List<ContributionRecord>();
        await foreach (var entity in table.QueryAsync(KeyFilters.RowKeyStartsWith(scope.PartitionKey, ContributionKeyPrefix(sessionId)), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(new ContributionRecord(
                entity.GetString("SessionId")!,
                entity.GetString("ContributionId")!,
                entity.GetString("Kind")!,
                entity.GetString("AuthorId"),
                LargeText.Read(entity, "Payload") ?? string.Empty,
                entity.GetDateTimeOffset("CreatedAt")!.Value));
        }

        return result.OrderBy(c => c.CreatedAt).ThenBy(c => c.ContributionId, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Deletes the session row and all its contributions (retention / deletion requests). Returns the rows deleted.</summary>
    public async Task<int> DeleteSessionAsync(TeamScope scope, string sessionId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var table = await tables.GetAsync(tables.Sessions, cancellationToken).ConfigureAwait(false);
        var keys = new List<string>();
        foreach (var prefix in new[] { ContributionKeyPrefix(sessionId), RequestKeyPrefix(sessionId), OutboxKeyPrefix(sessionId), ProtocolVersionKeyPrefix(sessionId) })
        {
            await foreach (var entity in table.QueryAsync(KeyFilters.RowKeyStartsWith(scope.PartitionKey, prefix), ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                keys.Add(entity.RowKey);
            }
        }

        if (await table.GetIfExistsAsync(scope.PartitionKey, SessionKey(sessionId), ["RowKey"], cancellationToken).ConfigureAwait(false) is not null)
        {
            keys.Add(SessionKey(sessionId));
        }

        return await RowDeletion.DeleteAsync(table, scope.PartitionKey, keys, cancellationToken).ConfigureAwait(false);
    }

    internal static string SessionKey(string sessionId) => SessionPrefix + KeyCodec.Encode(Ids.Require(sessionId, nameof(sessionId)));

    private static string ContributionKeyPrefix(string sessionId) => ContributionPrefix + KeyCodec.Encode(Ids.Require(sessionId, nameof(sessionId))) + "|";

    private static string RequestKeyPrefix(string sessionId) => RequestPrefix + KeyCodec.Encode(Ids.Require(sessionId, nameof(sessionId))) + "|";

    private static string ProtocolVersionKeyPrefix(string sessionId) => ProtocolVersionPrefix + KeyCodec.Encode(Ids.Require(sessionId, nameof(sessionId))) + "|";

    private static string OutboxKeyPrefix(string sessionId) => OutboxPrefix + KeyCodec.Encode(Ids.Require(sessionId, nameof(sessionId))) + "|";

    /// <summary>One row per session version, zero-padded so versions sort in order.</summary>
    private static string OutboxKey(string sessionId, long version) => OutboxKeyPrefix(sessionId) + version.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    private static string RequestKey(string sessionId, string requestId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        var key = requestId.Length <= MaxRequestIdLength
            ? requestId
            : "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(requestId)));
        return RequestKeyPrefix(sessionId) + KeyCodec.Encode(key);
    }

    private async Task<ETag> SubmitAsync(
        TeamScope scope, TableTransactionAction sessionAction, string sessionId, IReadOnlyCollection<ContributionRecord>? contributions,
        SessionRequestRecord? request, CancellationToken cancellationToken, SessionOutboxRecord? outbox = null,
        IReadOnlyCollection<ProtocolVersionRowRecord>? protocolVersions = null)
    {
        contributions ??= [];
        protocolVersions ??= [];
        if (contributions.Count + protocolVersions.Count > MaxContributionsPerSave + 1)
        {
            throw new ArgumentException($"At most {MaxContributionsPerSave} contributions can be saved with a session at once.", nameof(contributions));
        }

        // The request row goes first: a repeated request fails on it (409) even when the session changed since.
        var actions = new List<TableTransactionAction>(contributions.Count + 2);
        if (request is not null)
        {
            if (request.OutcomeJson.Length > MaxOutcomeLength)
            {
                throw new TableEntityValidationException($"An outcome holds at most {MaxOutcomeLength} characters; this one has {request.OutcomeJson.Length}.");
            }

            actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(scope.PartitionKey, RequestKey(sessionId, request.RequestId))
            {
                ["RowType"] = "Request",
                ["SessionId"] = sessionId,
                ["RequestId"] = request.RequestId.Length <= MaxRequestIdLength ? request.RequestId : null,
                ["Outcome"] = request.OutcomeJson,
                ["ExpiresAt"] = request.ExpiresAt,
            }));
        }

        if (outbox is not null)
        {
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(scope, sessionId, outbox)));
        }

        foreach (var version in protocolVersions)
        {
            // Versions are immutable; an upsert inside the If-Match batch only repeats the same content.
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(scope, sessionId, version)));
        }

        var sessionIndex = actions.Count;
        actions.Add(sessionAction);
        foreach (var contribution in contributions)
        {
            if (!string.Equals(contribution.SessionId, sessionId, StringComparison.Ordinal))
            {
                throw new ArgumentException("A contribution belongs to another session.", nameof(contributions));
            }

            // Upsert is safe here: the whole batch commits only if the session's If-Match holds.
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(scope, contribution)));
        }

        var table = await tables.GetAsync(tables.Sessions, cancellationToken).ConfigureAwait(false);
        if (actions.Count == 1)
        {
            // The session row alone (a deadline fired, a setting changed): one conditional write, not a transaction of
            // one; the same guarantee at a fraction of the service's work.
            var row = (TableEntity)sessionAction.Entity;
            return sessionAction.ActionType == TableTransactionActionType.Add
                ? await table.InsertAsync(row, cancellationToken).ConfigureAwait(false)
                : await table.UpdateReplaceAsync(row, sessionAction.ETag, cancellationToken).ConfigureAwait(false);
        }

        var etags = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        return etags[sessionIndex];
    }

    private async Task<IReadOnlyList<SessionSummary>> QuerySummariesAsync(string filter, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Sessions, cancellationToken).ConfigureAwait(false);
        var result = new List<SessionSummary>();
        await foreach (var entity in table.QueryAsync(filter, ["SessionId", "Version", "Status", "CaseReference", "UpdatedAt"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(new SessionSummary(
                entity.GetString("SessionId")!,
                entity.GetInt64("Version")!.Value,
                entity.GetString("Status")!,
                entity.GetString("CaseReference"),
                entity.GetDateTimeOffset("UpdatedAt")!.Value,
                entity.ETag));
        }

        return result;
    }

    private static TableEntity ToEntity(TeamScope scope, SessionRecord session)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(session);
        var entity = new TableEntity(scope.PartitionKey, SessionKey(session.SessionId))
        {
            ["RowType"] = "Session",
            ["TenantId"] = scope.TenantId,
            ["TeamId"] = scope.TeamId,
            ["SessionId"] = session.SessionId,
            ["Version"] = session.Version,
            ["Status"] = Ids.Require(session.Status, nameof(session.Status)),
            ["CaseReference"] = session.CaseReference,
            ["UpdatedAt"] = session.UpdatedAt,
        };
        LargeText.Write(entity, "Snapshot", session.SnapshotJson);
        return entity;
    }

    private static SessionRecord FromEntity(TableEntity entity) => new(
        entity.GetString("SessionId")!,
        entity.GetInt64("Version")!.Value,
        entity.GetString("Status")!,
        entity.GetString("CaseReference"),
        LargeText.Read(entity, "Snapshot") ?? string.Empty,
        entity.GetDateTimeOffset("UpdatedAt")!.Value);

    private static TableEntity ToEntity(TeamScope scope, string sessionId, SessionOutboxRecord outbox)
    {
        if (!string.Equals(outbox.SessionId, sessionId, StringComparison.Ordinal))
        {
            throw new ArgumentException("An outbox row belongs to another session.", nameof(outbox));
        }

        return new TableEntity(scope.PartitionKey, OutboxKey(sessionId, outbox.Version))
        {
            ["RowType"] = "Outbox",
            ["TenantId"] = scope.TenantId,
            ["TeamId"] = scope.TeamId,
            ["SessionId"] = sessionId,
            ["Version"] = outbox.Version,
            ["Work"] = outbox.WorkJson,
            ["DueAt"] = outbox.DueAt,
            ["Attempts"] = 0,
        };
    }

    private static TableEntity ToEntity(TeamScope scope, string sessionId, ProtocolVersionRowRecord version)
    {
        if (!string.Equals(version.SessionId, sessionId, StringComparison.Ordinal))
        {
            throw new ArgumentException("A protocol version belongs to another session.", nameof(version));
        }

        var entity = new TableEntity(scope.PartitionKey, ProtocolVersionKeyPrefix(sessionId) + version.Version.ToString("D10", System.Globalization.CultureInfo.InvariantCulture))
        {
            ["RowType"] = "ProtocolVersion",
            ["SessionId"] = sessionId,
            ["Version"] = version.Version,
            ["CreatedAt"] = version.CreatedAt,
        };
        LargeText.Write(entity, "Document", version.DocumentJson);
        return entity;
    }

    private static TableEntity ToEntity(TeamScope scope, ContributionRecord contribution)
    {
        var entity = new TableEntity(scope.PartitionKey, ContributionKeyPrefix(contribution.SessionId) + KeyCodec.Encode(Ids.Require(contribution.ContributionId, nameof(contribution.ContributionId))))
        {
            ["RowType"] = "Contribution",
            ["SessionId"] = contribution.SessionId,
            ["ContributionId"] = contribution.ContributionId,
            ["Kind"] = Ids.Require(contribution.Kind, nameof(contribution.Kind)),
            ["AuthorId"] = contribution.AuthorId,
            ["CreatedAt"] = contribution.CreatedAt,
        };
        LargeText.Write(entity, "Payload", contribution.PayloadJson);
        return entity;
    }
}

/// <summary>Deletes known rows of one partition in batches of 100 (deliberately unconditional: used for erasure).</summary>
internal static class RowDeletion
{
    public static async Task<int> DeleteAsync(CheckedTableClient table, string partitionKey, IReadOnlyList<string> rowKeys, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var chunk in rowKeys.Chunk(TableLimits.MaxBatchOperations))
        {
            try
            {
                await table.SubmitTransactionAsync(chunk.Select(rk => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partitionKey, rk), ETag.All)).ToArray(), cancellationToken).ConfigureAwait(false);
                deleted += chunk.Length;
            }
            catch (TableResourceNotFoundException)
            {
                // A row vanished in between (another deletion ran): delete the rest one by one.
                foreach (var rowKey in chunk)
                {
                    try
                    {
                        await table.DeleteAsync(partitionKey, rowKey, ETag.All, cancellationToken).ConfigureAwait(false);
                        deleted++;
                    }
                    catch (TableResourceNotFoundException)
                    {
                    }
                }
            }
        }

        return deleted;
    }
}

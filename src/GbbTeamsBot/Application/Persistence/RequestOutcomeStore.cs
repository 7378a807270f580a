using System.Text.Json;
using Azure;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Application.Persistence;

/// <summary>The replayable part of a command's outcome.</summary>
public sealed record StoredOutcome(CommandStatus Status, Rejection? Rejection, Bilingual? Message, int Version, IReadOnlyList<SessionEvent> Events);

/// <summary>A request id's row: still being processed (no outcome yet), or done with its outcome.</summary>
public sealed record RequestState(bool IsPending, StoredOutcome? Outcome, DateTimeOffset StartedAt, ETag ETag);

/// <summary>
/// Double-click protection with the first outcome kept. One row per (session, request id) in the team's partition of
/// the idempotency table, RK "!cmd|{session}|{request}" ("!" never starts a key written by
/// <see cref="IdempotencyRepository"/>, whose kinds are key-encoded). Insert-if-absent decides who processes a
/// request; the winner replaces the pending row with the outcome. The row has ExpiresAt, so
/// <see cref="IdempotencyRepository.PurgeExpiredAsync"/> cleans it up with the others.
/// </summary>
/// <remarks>
/// The storage API's <see cref="IdempotencyRepository"/> answers only first/repeat, without an outcome to replay,
/// so this store writes its own rows through <see cref="StorageTables"/>.
/// </remarks>
public sealed class RequestOutcomeStore(StorageTables tables)
{
    /// <summary>Ids up to this length are kept as they are; longer ones by their hash.</summary>
    public const int MaxRequestIdLength = 200;

    public async Task<RequestState?> GetAsync(SessionAddress address, string requestId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Idempotency, cancellationToken);
        var entity = await table.GetIfExistsAsync(address.Scope.PartitionKey, RowKey(address, requestId), cancellationToken: cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    /// <summary>
    /// Registers the request as pending. Returns the row's ETag when this caller should process it; null when the
    /// request is already done or being processed by someone else. A pending row older than
    /// <paramref name="abandonAfter"/> (its processor died) is taken over with If-Match.
    /// </summary>
    public async Task<ETag?> TryBeginAsync(SessionAddress address, string requestId, DateTimeOffset now, TimeSpan timeToLive, TimeSpan abandonAfter, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Idempotency, cancellationToken);
        var entity = Pending(address, requestId, now, timeToLive);
        try
        {
            return await table.InsertAsync(entity, cancellationToken);
        }
        catch (TableConflictException)
        {
        }

        var existing = await table.GetIfExistsAsync(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken);
        if (existing is null)
        {
            return null;
        }

        var state = FromEntity(existing);
        var expired = existing.GetDateTimeOffset("ExpiresAt") <= now;
        if ((state.IsPending && now - state.StartedAt > abandonAfter) || expired)
        {
            try
            {
                return await table.UpdateReplaceAsync(entity, existing.ETag, cancellationToken);
            }
            catch (TableStorageException ex) when (ex is TablePreconditionFailedException or TableResourceNotFoundException)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Stores the outcome over the pending row this caller registered.</summary>
    public async Task CompleteAsync(SessionAddress address, string requestId, ETag pending, StoredOutcome outcome, DateTimeOffset now, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Idempotency, cancellationToken);
        var entity = Pending(address, requestId, now, timeToLive);
        entity["State"] = "done";
        var json = JsonSerializer.Serialize(outcome, SessionSnapshotSerializer.Options);
        if (json.Length > TableLimits.MaxStringLength && outcome.Rejection is { } rejection)
        {
            // Many privacy findings: keep the code and message, drop the positions.
            json = JsonSerializer.Serialize(outcome with { Rejection = rejection with { Findings = [] } }, SessionSnapshotSerializer.Options);
        }

        entity["Outcome"] = json;
        try
        {
            await table.UpdateReplaceAsync(entity, pending, cancellationToken);
        }
        catch (TableStorageException ex) when (ex is TablePreconditionFailedException or TableResourceNotFoundException)
        {
            // Taken over after we were presumed dead; the other processor's outcome counts.
        }
    }

    /// <summary>Removes this caller's pending row (processing failed before anything was stored), so a retry can run.</summary>
    public async Task AbandonAsync(SessionAddress address, string requestId, ETag pending, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(tables.Idempotency, cancellationToken);
        try
        {
            await table.DeleteAsync(address.Scope.PartitionKey, RowKey(address, requestId), pending, cancellationToken);
        }
        catch (TableStorageException ex) when (ex is TablePreconditionFailedException or TableResourceNotFoundException)
        {
        }
    }

    private static TableEntity Pending(SessionAddress address, string requestId, DateTimeOffset now, TimeSpan timeToLive) =>
        new(address.Scope.PartitionKey, RowKey(address, requestId))
        {
            ["Kind"] = "command",
            ["SessionId"] = address.SessionId,
            ["State"] = "pending",
            ["StartedAt"] = now,
            ["ExpiresAt"] = now + timeToLive,
        };

    /// <summary>Long ids (they come from card data, so from the client) are keyed by their SHA-256, never refused.</summary>
    private static string RowKey(SessionAddress address, string requestId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requestId);
        var key = requestId.Length <= MaxRequestIdLength
            ? requestId
            : "sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(requestId)));
        return "!cmd|" + KeyCodec.Encode(address.SessionId) + "|" + KeyCodec.Encode(key);
    }

    private static RequestState FromEntity(TableEntity entity)
    {
        var json = entity.GetString("Outcome");
        var outcome = json is null ? null : JsonSerializer.Deserialize<StoredOutcome>(json, SessionSnapshotSerializer.Options);
        return new RequestState(
            entity.GetString("State") != "done",
            outcome,
            entity.GetDateTimeOffset("StartedAt") ?? DateTimeOffset.MinValue,
            entity.ETag);
    }
}

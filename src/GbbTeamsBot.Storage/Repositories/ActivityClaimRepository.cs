using Azure;
using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Storage.Repositories;

/// <summary>Where an inbound activity stands: this caller may handle it, it was handled, or another delivery is handling it.</summary>
public enum ActivityClaimState
{
    /// <summary>Recorded as pending for this caller (new, or taken over after its lease ran out): handle it.</summary>
    Claimed,

    /// <summary>Handled before: a repeat delivery.</summary>
    Done,

    /// <summary>Another delivery holds it (pending, lease not yet over).</summary>
    Pending,
}

/// <summary>The answer of <see cref="ActivityClaimRepository.TryClaimAsync"/>; the ETag belongs to this caller's pending row.</summary>
public sealed record ActivityClaim(ActivityClaimState State, string Conversation, string ActivityId, ETag ETag);

/// <summary>
/// Inbound activities being handled or handled, shared by all instances: RK "activity|{activityId}" in the partition
/// "activities|{tenant}|{conversation}" of the idempotency table, with Status pending/done, the lease ClaimedUntil and
/// ExpiresAt (the periodic purge removes expired rows). A delivery claims the row as pending; after handling it is
/// marked done; when handling failed it is deleted, so the channel's redelivery is handled. All changes use If-Match:
/// two racing deliveries get one claim, and a delivery whose pending row was taken over cannot touch the new owner's row.
/// </summary>
public sealed class ActivityClaimRepository(StorageTables tables)
{
    private const string PartitionPrefix = "activities|";
    private const string RowPrefix = "activity|";
    private const string PendingStatus = "pending";
    private const string DoneStatus = "done";

    /// <summary>
    /// Records the activity as pending for <paramref name="lease"/> (kept at most <paramref name="retention"/>), unless it
    /// is done, or pending under a lease that has not run out.
    /// </summary>
    public async Task<ActivityClaim> TryClaimAsync(
        string tenantId, string conversationId, string activityId, DateTimeOffset now, TimeSpan lease, TimeSpan retention, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(retention, lease);
        var conversation = PartitionKey(tenantId, conversationId);
        var entity = new TableEntity(conversation, RowKey(activityId))
        {
            ["Kind"] = "activity",
            ["Status"] = PendingStatus,
            ["ClaimedAt"] = now,
            ["ClaimedUntil"] = now + lease,
            ["ExpiresAt"] = now + retention,
        };
        var table = await tables.GetAsync(tables.Idempotency, cancellationToken).ConfigureAwait(false);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                return new ActivityClaim(ActivityClaimState.Claimed, conversation, activityId, await table.InsertAsync(entity, cancellationToken).ConfigureAwait(false));
            }
            catch (TableConflictException)
            {
            }

            var existing = await table.GetIfExistsAsync(conversation, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                continue; // forgotten or purged in between: try the insert again
            }

            var expired = existing.GetDateTimeOffset("ExpiresAt") <= now;
            if (!expired && existing.GetString("Status") == DoneStatus)
            {
                return new ActivityClaim(ActivityClaimState.Done, conversation, activityId, default);
            }

            if (!expired && existing.GetDateTimeOffset("ClaimedUntil") > now)
            {
                return new ActivityClaim(ActivityClaimState.Pending, conversation, activityId, default);
            }

            // A pending row whose holder did not finish within its lease (crashed or stuck): take it over.
            try
            {
                return new ActivityClaim(ActivityClaimState.Claimed, conversation, activityId, await table.UpdateReplaceAsync(entity, existing.ETag, cancellationToken).ConfigureAwait(false));
            }
            catch (TableStorageException ex) when (ex is TablePreconditionFailedException or TableResourceNotFoundException)
            {
                // Another delivery took it over or it was forgotten: decide again.
            }
        }

        return new ActivityClaim(ActivityClaimState.Pending, conversation, activityId, default);
    }

    /// <summary>Marks a claimed activity as handled. False when the claim was taken over meanwhile (the new owner decides).</summary>
    public async Task<bool> CompleteAsync(ActivityClaim claim, DateTimeOffset now, TimeSpan retention, CancellationToken cancellationToken = default)
    {
        RequireClaimed(claim);
        var table = await tables.GetAsync(tables.Idempotency, cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(claim.Conversation, RowKey(claim.ActivityId))
        {
            ["Status"] = DoneStatus,
            ["DoneAt"] = now,
            ["ExpiresAt"] = now + retention,
        };
        try
        {
            await table.UpdateMergeAsync(entity, claim.ETag, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableStorageException ex) when (ex is TablePreconditionFailedException or TableResourceNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Forgets a claimed activity whose handling failed, so its redelivery is handled. False when it was taken over meanwhile.</summary>
    public async Task<bool> ForgetAsync(ActivityClaim claim, CancellationToken cancellationToken = default)
    {
        RequireClaimed(claim);
        var table = await tables.GetAsync(tables.Idempotency, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.DeleteAsync(claim.Conversation, RowKey(claim.ActivityId), claim.ETag, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableStorageException ex) when (ex is TablePreconditionFailedException or TableResourceNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The stored status ("pending", "done") of an activity, or null (for tests and diagnostics).</summary>
    public async Task<string?> GetStatusAsync(string tenantId, string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        var table = await tables.GetAsync(tables.Idempotency, cancellationToken).ConfigureAwait(false);
        var entity = await table.GetIfExistsAsync(PartitionKey(tenantId, conversationId), RowKey(activityId), ["Status"], cancellationToken).ConfigureAwait(false);
        return entity?.GetString("Status");
    }

    private static void RequireClaimed(ActivityClaim claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        if (claim.State != ActivityClaimState.Claimed)
        {
            throw new ArgumentException("Only a claimed activity can be completed or forgotten.", nameof(claim));
        }
    }

    private static string PartitionKey(string tenantId, string conversationId) =>
        PartitionPrefix + KeyPart(tenantId, nameof(tenantId)) + "|" + KeyPart(conversationId, nameof(conversationId));

    private static string RowKey(string activityId) => RowPrefix + KeyPart(activityId, nameof(activityId));

    /// <summary>Ids come from the wire: up to 120 characters they are keyed as they are, longer ones by their SHA-256 (keys stay under 1 KiB).</summary>
    private static string KeyPart(string value, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, name);
        return value.Length <= 120
            ? KeyCodec.Encode(value)
            : "sha256:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)));
    }
}

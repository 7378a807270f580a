using System.Text.Json;
using Azure;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Storage.Repositories;

namespace GbbTeamsBot.Application.Persistence;

/// <summary>The replayable part of a command's outcome.</summary>
public sealed record StoredOutcome(CommandStatus Status, Rejection? Rejection, Bilingual? Message, int Version, IReadOnlyList<SessionEvent> Events);

/// <summary>A request id's row: still being processed (no outcome yet), or done with its outcome.</summary>
public sealed record RequestState(bool IsPending, StoredOutcome? Outcome, DateTimeOffset StartedAt, ETag ETag);

/// <summary>
/// Double-click protection with the first outcome kept: maps <see cref="StoredOutcome"/> to and from the JSON that
/// <see cref="IdempotencyRepository"/>'s request rows hold. The repository decides who processes a request
/// (insert-if-absent) and is the only writer of those rows; the periodic purge removes them once expired.
/// </summary>
public sealed class RequestOutcomeStore(IdempotencyRepository idempotency)
{
    public async Task<RequestState?> GetAsync(SessionAddress address, string requestId, CancellationToken cancellationToken)
    {
        var row = await idempotency.GetRequestAsync(address.Scope, address.SessionId, requestId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var outcome = row.OutcomeJson is null ? null : JsonSerializer.Deserialize<StoredOutcome>(row.OutcomeJson, SessionSnapshotSerializer.Options);
        return new RequestState(row.IsPending, outcome, row.StartedAt, row.ETag);
    }

    /// <summary>
    /// Registers the request as pending. Returns the row's ETag when this caller should process it; null when the
    /// request is already done or being processed by someone else (a pending row older than
    /// <paramref name="abandonAfter"/> is taken over).
    /// </summary>
    public Task<ETag?> TryBeginAsync(SessionAddress address, string requestId, DateTimeOffset now, TimeSpan timeToLive, TimeSpan abandonAfter, CancellationToken cancellationToken) =>
        idempotency.TryBeginRequestAsync(address.Scope, address.SessionId, requestId, now, timeToLive, abandonAfter, cancellationToken);

    /// <summary>Stores the outcome over the pending row this caller registered; if it was taken over meanwhile, the other outcome counts.</summary>
    public async Task CompleteAsync(SessionAddress address, string requestId, ETag pending, StoredOutcome outcome, DateTimeOffset now, TimeSpan timeToLive, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(outcome, SessionSnapshotSerializer.Options);
        if (json.Length > IdempotencyRepository.MaxOutcomeLength && outcome.Rejection is { } rejection)
        {
            // Many privacy findings: keep the code and message, drop the positions.
            json = JsonSerializer.Serialize(outcome with { Rejection = rejection with { Findings = [] } }, SessionSnapshotSerializer.Options);
        }

        await idempotency.CompleteRequestAsync(address.Scope, address.SessionId, requestId, pending, json, now, timeToLive, cancellationToken);
    }

    /// <summary>Removes this caller's pending row (processing failed before anything was stored), so a retry can run.</summary>
    public Task AbandonAsync(SessionAddress address, string requestId, ETag pending, CancellationToken cancellationToken) =>
        idempotency.AbandonRequestAsync(address.Scope, address.SessionId, requestId, pending, cancellationToken);
}

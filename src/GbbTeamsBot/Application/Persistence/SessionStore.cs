using System.Text.Json;
using Azure;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Protocol;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Application.Persistence;

/// <summary>The replayable part of an accepted command's outcome, kept in the request's row.</summary>
public sealed record StoredOutcome(CommandStatus Status, Rejection? Rejection, Bilingual? Message, int Version, IReadOnlyList<SessionEvent> Events);

/// <summary>A session as loaded: the full snapshot, where its card is, and the ETag to save against.</summary>
public sealed record LoadedSession(SessionAddress Address, SessionSnapshot Snapshot, string? ConversationId, LiveCardLocation? LiveCard, ETag ETag)
{
    /// <summary>How many of the snapshot's protocol versions have their own rows already (0 for sessions stored before they had any).</summary>
    public int ProtocolVersionRows { get; init; }

    public SessionView ToView() => new(Address, Snapshot, ConversationId, LiveCard);
}

/// <summary>
/// Maps sessions onto <see cref="SessionRepository"/>. The session row holds an envelope (conversation, live card,
/// the snapshot WITHOUT its contributions); every contribution is its own row, written in the same If-Match batch
/// as the session row whenever it is new or changed. So one busy session never outgrows a table row (a row holds at
/// most ~480,000 characters of snapshot), a save stays all-or-nothing, and its size does not grow with the session.
/// Confirmed protocol versions get rows of their own too; the session row keeps only the latest, so corrections do
/// not grow it. A card action's request id rides in the same transaction (see <see cref="SessionRequestRecord"/>). What this
/// instance loaded or stored last is kept in the <see cref="SessionCache"/>, so a command usually reads nothing.
/// </summary>
public sealed class SessionStore(SessionRepository sessions, SessionCache cache)
{
    private const int EnvelopeFormat = 1;

    /// <summary>The state to run a command against: this instance's last known state if it has one, else a read.</summary>
    public async Task<(LoadedSession? Session, bool FromCache)> LoadForCommandAsync(SessionAddress address, CancellationToken cancellationToken) =>
        cache.Get(address) is { } cached ? (cached, true) : (await LoadAsync(address, cancellationToken), false);

    /// <summary>Forgets this instance's copy (another writer changed the session, or it is gone).</summary>
    public void Forget(SessionAddress address) => cache.Remove(address);

    /// <summary>The stored outcome of an earlier request to this session, or null.</summary>
    public async Task<StoredOutcome?> GetOutcomeAsync(SessionAddress address, string requestId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = await sessions.GetRequestAsync(address.Scope, address.SessionId, requestId, now, cancellationToken);
        return row is null ? null : JsonSerializer.Deserialize<StoredOutcome>(row.OutcomeJson, SessionSnapshotSerializer.Options);
    }

    /// <summary>The team's sessions of one case (id, case, status) for rules across sessions, without their content.</summary>
    public async Task<IReadOnlyList<TeamSessionFacts>> ListForCaseAsync(TeamScope scope, string caseReference, CancellationToken cancellationToken)
    {
        var list = await sessions.ListByCaseReferenceAsync(scope, caseReference, cancellationToken);
        return list.Select(s => new TeamSessionFacts(s.SessionId, s.CaseReference, Enum.TryParse<SessionStatus>(s.Status, out var status) ? status : SessionStatus.Prepared)).ToList();
    }

    /// <summary>Reads the session from storage (and remembers it for the next command); null when it does not exist.</summary>
    public async Task<LoadedSession?> LoadAsync(SessionAddress address, CancellationToken cancellationToken)
    {
        var stored = await sessions.GetAsync(address.Scope, address.SessionId, cancellationToken);
        if (stored is null)
        {
            cache.Remove(address);
            return null;
        }

        var envelope = JsonSerializer.Deserialize<SessionEnvelope>(stored.Session.SnapshotJson, SessionSnapshotSerializer.Options)
            ?? throw new JsonException("Empty session envelope.");
        var snapshot = envelope.Snapshot;
        if (snapshot.ContributionCounter > 0)
        {
            var rows = await sessions.GetContributionsAsync(address.Scope, address.SessionId, cancellationToken);
            var contributions = rows
                .Select(r => JsonSerializer.Deserialize<ContributionRow>(r.PayloadJson, SessionSnapshotSerializer.Options)!)
                .OrderBy(r => r.Sequence)
                .Select(r => r.Contribution)
                .ToList();
            snapshot = snapshot with { Contributions = contributions };
        }

        if (envelope.ProtocolVersionRows > 1)
        {
            var versions = await sessions.GetProtocolVersionsAsync(address.Scope, address.SessionId, cancellationToken);
            snapshot = snapshot with
            {
                ProtocolVersions = versions.Select(v => JsonSerializer.Deserialize<ProtocolDocument>(v.DocumentJson, SessionSnapshotSerializer.Options)!).ToList(),
            };
        }

        var loaded = new LoadedSession(address, snapshot, envelope.ConversationId, envelope.LiveCard, stored.ETag) { ProtocolVersionRows = envelope.ProtocolVersionRows };
        cache.Set(loaded);
        return loaded;
    }

    /// <summary>Stores a new session; <see cref="Storage.Tables.TableConflictException"/> if the id is taken.</summary>
    public async Task<LoadedSession> CreateAsync(SessionAddress address, SessionSnapshot snapshot, string? conversationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var envelope = new SessionEnvelope { ConversationId = conversationId, Snapshot = snapshot with { Contributions = [] } };
        var rows = ContributionRows(address.SessionId, [], snapshot.Contributions);
        var etag = await sessions.CreateAsync(address.Scope, ToRecord(address, envelope, snapshot, now), rows, cancellationToken);
        var created = new LoadedSession(address, snapshot, conversationId, null, etag);
        cache.Set(created);
        return created;
    }

    /// <summary>
    /// Saves <paramref name="next"/> only if the session is unchanged since <paramref name="previous"/> was loaded;
    /// <see cref="Storage.Tables.TablePreconditionFailedException"/> when another writer saved first (this instance's copy
    /// is then forgotten), <see cref="Storage.Tables.TableConflictException"/> when <paramref name="request"/> was stored before.
    /// </summary>
    public async Task<LoadedSession> SaveAsync(
        LoadedSession previous, SessionSnapshot next, DateTimeOffset now, CancellationToken cancellationToken,
        LiveCardLocation? liveCard = null, SessionRequestRecord? request = null, SessionOutboxRecord? outbox = null)
    {
        var card = liveCard ?? previous.LiveCard;
        var versions = next.ProtocolVersions;
        var envelope = new SessionEnvelope
        {
            ConversationId = previous.ConversationId,
            LiveCard = card,
            Snapshot = next with { Contributions = [], ProtocolVersions = [.. versions.TakeLast(1)] },
            ProtocolVersionRows = versions.Count,
        };
        var rows = ContributionRows(previous.Address.SessionId, previous.Snapshot.Contributions, next.Contributions);
        var versionRows = versions
            .Skip(Math.Min(previous.ProtocolVersionRows, versions.Count))
            .Select(v => new ProtocolVersionRowRecord(previous.Address.SessionId, v.Version, JsonSerializer.Serialize(v, SessionSnapshotSerializer.Options), v.ConfirmedAt ?? now))
            .ToList();
        ETag etag;
        try
        {
            etag = await sessions.SaveAsync(previous.Address.Scope, ToRecord(previous.Address, envelope, next, now), previous.ETag, rows, request, cancellationToken, outbox, versionRows);
        }
        catch (TableStorageException ex) when (ex is TablePreconditionFailedException or TableResourceNotFoundException)
        {
            cache.Remove(previous.Address);
            throw;
        }

        var saved = new LoadedSession(previous.Address, next, previous.ConversationId, card, etag) { ProtocolVersionRows = versions.Count };
        cache.Set(saved);
        return saved;
    }

    /// <summary>Removes the outbox row of a version whose follow-up work is done.</summary>
    public Task CompleteOutboxAsync(SessionAddress address, long version, CancellationToken cancellationToken) =>
        sessions.CompleteOutboxAsync(address.Scope, address.SessionId, version, cancellationToken);

    private static SessionRecord ToRecord(SessionAddress address, SessionEnvelope envelope, SessionSnapshot snapshot, DateTimeOffset now) => new(
        address.SessionId,
        snapshot.Version,
        snapshot.Status.ToString(),
        snapshot.CaseReference,
        JsonSerializer.Serialize(envelope, SessionSnapshotSerializer.Options),
        now);

    /// <summary>Rows for contributions that are new or changed (records compare by value).</summary>
    private static List<ContributionRecord> ContributionRows(string sessionId, IReadOnlyList<Contribution> before, IReadOnlyList<Contribution> after)
    {
        var old = before.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var rows = new List<ContributionRecord>();
        for (var i = 0; i < after.Count; i++)
        {
            var contribution = after[i];
            if (old.TryGetValue(contribution.Id, out var earlier) && earlier == contribution)
            {
                continue;
            }

            rows.Add(new ContributionRecord(
                sessionId,
                contribution.Id,
                contribution.Kind.ToString(),
                contribution.AuthorId,
                JsonSerializer.Serialize(new ContributionRow(i, contribution), SessionSnapshotSerializer.Options),
                contribution.CreatedAt));
        }

        if (rows.Count > SessionRepository.MaxContributionsPerSave)
        {
            throw new InvalidOperationException($"A single change touched {rows.Count} contributions; at most {SessionRepository.MaxContributionsPerSave} fit in one save.");
        }

        return rows;
    }

    private sealed record SessionEnvelope
    {
        public int Format { get; init; } = EnvelopeFormat;

        public string? ConversationId { get; init; }

        public LiveCardLocation? LiveCard { get; init; }

        public required SessionSnapshot Snapshot { get; init; }

        /// <summary>Protocol versions stored as rows; when more than one, the rows hold them all and the snapshot only the latest.</summary>
        public int ProtocolVersionRows { get; init; }
    }

    private sealed record ContributionRow(int Sequence, Contribution Contribution);
}

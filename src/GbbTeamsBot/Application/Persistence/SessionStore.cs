using System.Text.Json;
using Azure;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Storage.Repositories;

namespace GbbTeamsBot.Application.Persistence;

/// <summary>A session as loaded: the full snapshot, where its card is, and the ETag to save against.</summary>
public sealed record LoadedSession(SessionAddress Address, SessionSnapshot Snapshot, string? ConversationId, LiveCardLocation? LiveCard, ETag ETag)
{
    public SessionView ToView() => new(Address, Snapshot, ConversationId, LiveCard);
}

/// <summary>
/// Maps sessions onto <see cref="SessionRepository"/>. The session row holds an envelope (conversation, live card,
/// the snapshot WITHOUT its contributions); every contribution is its own row, written in the same If-Match batch
/// as the session row whenever it is new or changed. So one busy session never outgrows a table row (a row holds at
/// most ~480,000 characters of snapshot), and a save stays all-or-nothing.
/// </summary>
public sealed class SessionStore(SessionRepository sessions)
{
    private const int EnvelopeFormat = 1;

    public async Task<LoadedSession?> LoadAsync(SessionAddress address, CancellationToken cancellationToken)
    {
        var stored = await sessions.GetAsync(address.Scope, address.SessionId, cancellationToken);
        if (stored is null)
        {
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

        return new LoadedSession(address, snapshot, envelope.ConversationId, envelope.LiveCard, stored.ETag);
    }

    /// <summary>Stores a new session; <see cref="Storage.Tables.TableConflictException"/> if the id is taken.</summary>
    public async Task<LoadedSession> CreateAsync(SessionAddress address, SessionSnapshot snapshot, string? conversationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var envelope = new SessionEnvelope { ConversationId = conversationId, Snapshot = snapshot with { Contributions = [] } };
        var rows = ContributionRows(address.SessionId, [], snapshot.Contributions);
        var etag = await sessions.CreateAsync(address.Scope, ToRecord(address, envelope, snapshot, now), rows, cancellationToken);
        return new LoadedSession(address, snapshot, conversationId, null, etag);
    }

    /// <summary>
    /// Saves <paramref name="next"/> only if the session is unchanged since <paramref name="previous"/> was loaded;
    /// <see cref="Storage.Tables.TablePreconditionFailedException"/> when another writer saved first.
    /// </summary>
    public async Task<LoadedSession> SaveAsync(LoadedSession previous, SessionSnapshot next, DateTimeOffset now, CancellationToken cancellationToken, LiveCardLocation? liveCard = null)
    {
        var card = liveCard ?? previous.LiveCard;
        var envelope = new SessionEnvelope { ConversationId = previous.ConversationId, LiveCard = card, Snapshot = next with { Contributions = [] } };
        var rows = ContributionRows(previous.Address.SessionId, previous.Snapshot.Contributions, next.Contributions);
        var etag = await sessions.SaveAsync(previous.Address.Scope, ToRecord(previous.Address, envelope, next, now), previous.ETag, rows, cancellationToken);
        return new LoadedSession(previous.Address, next, previous.ConversationId, card, etag);
    }

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
    }

    private sealed record ContributionRow(int Sequence, Contribution Contribution);
}

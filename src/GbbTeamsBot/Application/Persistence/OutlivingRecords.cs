using System.Text.Json;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Protocol;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;
using StoredConsent = GbbTeamsBot.Storage.Repositories.ConsentRecord;

namespace GbbTeamsBot.Application.Persistence;

/// <summary>What an outbox row asks for: the outliving records these kinds of events touch.</summary>
public sealed record OutlivingWork(IReadOnlyList<SessionEventKind> Kinds);

/// <summary>
/// Writes what outlives a session, after the session itself was saved: agreements per case reference with their
/// status, confirmed protocol versions (insert-only) and consent records. The need is recorded first as an outbox row
/// in the session's own save transaction (<see cref="OutboxFor"/>), so a crash or a storage fault after the save
/// cannot lose these writes: <see cref="OutboxReplayService"/> repeats them until they are done. Every write is
/// idempotent (upsert by id, insert-or-ignore for protocol versions), so running it again heals, never doubles.
/// </summary>
public sealed class OutlivingRecords(AgreementRepository agreements, ProtocolRepository protocols, ConsentRepository consents, Reminders.AgreementReminderService reminders, Knowledge.KnowledgeService knowledge)
{
    private static readonly SessionEventKind[] KindsWithRecords =
    [
        SessionEventKind.Completed, SessionEventKind.AgreementRecorded, SessionEventKind.AgreementEdited,
        SessionEventKind.EarlierAgreementReviewed, SessionEventKind.ProtocolConfirmed, SessionEventKind.ConsentRecorded,
        SessionEventKind.ConsentWithdrawn,
    ];

    /// <summary>The outbox row for a change with these events, or null when they touch no outliving record.</summary>
    public static SessionOutboxRecord? OutboxFor(string sessionId, long version, IReadOnlyList<SessionEvent> events, DateTimeOffset dueAt)
    {
        var kinds = events.Select(e => e.Kind).Where(KindsWithRecords.Contains).Distinct().ToArray();
        return kinds.Length == 0
            ? null
            : new SessionOutboxRecord(sessionId, version, JsonSerializer.Serialize(new OutlivingWork(kinds), SessionSnapshotSerializer.Options), dueAt);
    }

    /// <summary>The work an outbox row asks for.</summary>
    public static OutlivingWork ParseWork(string json) =>
        JsonSerializer.Deserialize<OutlivingWork>(json, SessionSnapshotSerializer.Options) ?? new OutlivingWork([]);

    /// <summary>Purpose of the consent row written when a colleague records the person's consent in a session.</summary>
    public const string ConsultationConsentPurpose = "case-consultation";

    /// <summary>Purpose of the extra consent row when the consent includes a release from confidentiality.</summary>
    public const string ConfidentialityReleasePurpose = "release-from-confidentiality";

    private const string NoCasePrefix = "session:";

    /// <summary>Decides from the events what to write; on completion everything is written again (healing).</summary>
    public Task WriteAsync(SessionAddress address, ConsultationSession session, IReadOnlyList<SessionEvent> events, DateTimeOffset now, CancellationToken cancellationToken) =>
        WriteAsync(address, session, events.Select(e => e.Kind).ToHashSet(), allProtocolVersions: false, now, cancellationToken);

    /// <summary>
    /// Writes the records for these kinds of events from the session's state. A replay passes
    /// <paramref name="allProtocolVersions"/>, because the session may have confirmed further versions meanwhile.
    /// </summary>
    public async Task WriteAsync(SessionAddress address, ConsultationSession session, IReadOnlySet<SessionEventKind> kinds, bool allProtocolVersions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var all = kinds.Contains(SessionEventKind.Completed);
        if (all || kinds.Overlaps([SessionEventKind.AgreementRecorded, SessionEventKind.AgreementEdited, SessionEventKind.EarlierAgreementReviewed]))
        {
            foreach (var agreement in session.AgreementsToPersist())
            {
                await UpsertAgreementAsync(address, agreement, now, cancellationToken);
            }
        }

        var state = session.Snapshot();
        if (all || kinds.Contains(SessionEventKind.ProtocolConfirmed))
        {
            foreach (var version in all || allProtocolVersions ? state.ProtocolVersions : state.ProtocolVersions.TakeLast(1))
            {
                await AddProtocolVersionAsync(address, version, now, cancellationToken);
            }

            // A confirmed Sozialraum-Runde feeds the team's Sozialraumwissen (idempotent: a session counts once per entry).
            if (state.ProtocolVersions.LastOrDefault() is { } confirmed && Knowledge.KnowledgeService.ItemsOf(confirmed, now) is { Count: > 0 } items)
            {
                var confirmer = state.Participants.FirstOrDefault(p => p.Role == Domain.Methods.ParticipantRole.Moderator)?.Id ?? "protocol:" + address.SessionId;
                var taken = await knowledge.WithoutSkippedAsync(address.Scope, address.SessionId, items, cancellationToken);
                var folded = await knowledge.FoldAsync(address.Scope, taken, confirmer, cancellationToken);
                if (!folded.IsSuccess)
                {
                    // Left to the outbox replay, which tries again later.
                    throw new TableStorageException("The Sozialraumwissen could not be updated: " + folded.Rejection!.Code);
                }
            }
        }

        if ((all || kinds.Contains(SessionEventKind.ConsentRecorded) || kinds.Contains(SessionEventKind.ConsentWithdrawn)) && state.Consent is { } consent)
        {
            // A withdrawal replaces the decision in the same row (the latest one counts): not granted, from then on.
            var granted = !consent.IsWithdrawn;
            var by = consent.ConfirmedById;
            var at = consent.WithdrawnAt ?? consent.ConfirmedAt;
            await consents.RecordAsync(address.Scope, new StoredConsent(address.SessionId, ConsultationConsentPurpose, by, granted, at, null), cancellationToken);
            if (consent.IncludesReleaseFromConfidentiality)
            {
                await consents.RecordAsync(address.Scope, new StoredConsent(address.SessionId, ConfidentialityReleasePurpose, by, granted, at, null), cancellationToken);
            }
        }
    }

    /// <summary>Agreements of earlier sessions about this case (all statuses).</summary>
    public async Task<IReadOnlyList<Agreement>> ForCaseAsync(TeamScope scope, string caseReference, CancellationToken cancellationToken)
    {
        var stored = await agreements.ListForCaseAsync(scope, caseReference, cancellationToken);
        return stored.Select(a => ParseAgreement(a.Agreement)).ToList();
    }

    /// <summary>The storage key for an agreement's case: its case reference, or "session:{id}" for sessions without one.</summary>
    public static string CaseKey(Agreement agreement) => agreement.CaseReference ?? NoCasePrefix + agreement.SourceSessionId;

    public static Agreement ParseAgreement(AgreementRecord record) =>
        JsonSerializer.Deserialize<Agreement>(record.PayloadJson, SessionSnapshotSerializer.Options)
        ?? throw new JsonException("Empty agreement payload.");

    public static string StatusValue(AgreementStatus status) => status.ToString().ToLowerInvariant();

    private async Task UpsertAgreementAsync(SessionAddress address, Agreement agreement, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var caseKey = CaseKey(agreement);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var existing = await agreements.GetAsync(address.Scope, caseKey, agreement.Id, cancellationToken);

            // A status set later (from the list, a reminder, another session) is never written back to an older one.
            var merged = existing is null ? agreement : AgreementFollowUp.Merge(ParseAgreement(existing.Agreement), agreement);
            var record = ToRecord(caseKey, merged, now);
            try
            {
                if (existing is null)
                {
                    await agreements.InsertAsync(address.Scope, record, cancellationToken);
                }
                else if (existing.Agreement.PayloadJson != record.PayloadJson)
                {
                    await agreements.UpdateAsync(address.Scope, record, existing.ETag, cancellationToken);
                }

                // The owner's next reminder as a durable deadline (idempotent, so a replay of this write heals it too).
                await reminders.ScheduleAsync(address.Scope, merged, cancellationToken);
                return;
            }
            catch (TableStorageException ex) when (ex is TableConflictException or TablePreconditionFailedException)
            {
                // Another session wrote the same agreement in between (e.g. a review): read again and decide.
            }
        }
    }

    /// <summary>The stored row of an agreement (its status as a column, for the team's open list).</summary>
    public static AgreementRecord ToRecord(string caseKey, Agreement agreement, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var payload = JsonSerializer.Serialize(agreement, SessionSnapshotSerializer.Options);
        DateTimeOffset? due = agreement.DueBy is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
        return new AgreementRecord(caseKey, agreement.Id, agreement.SourceSessionId, StatusValue(agreement.Status), payload, due, now);
    }

    private async Task AddProtocolVersionAsync(SessionAddress address, ProtocolDocument document, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var record = new ProtocolRecord(
            address.SessionId,
            document.Version,
            document.CaseReference,
            JsonSerializer.Serialize(document, SessionSnapshotSerializer.Options),
            document.ConfirmedAt ?? now);
        try
        {
            await protocols.AddVersionAsync(address.Scope, record, cancellationToken);
        }
        catch (TableConflictException)
        {
            // Already stored; versions are immutable.
        }
    }
}

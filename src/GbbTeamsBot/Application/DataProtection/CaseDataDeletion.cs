using GbbTeamsBot.Application.Persistence;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.DataProtection;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Storage.Repositories;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Application.DataProtection;

/// <summary>What a team holds about one case, and whether the person asking may delete it now.</summary>
public sealed record CaseDataPreview(string CaseReference, IReadOnlyList<string> SessionIds, int Protocols, int Agreements, Rejection? Refusal)
{
    public int Sessions => SessionIds.Count;
}

/// <summary>How a confirmed deletion ended.</summary>
public sealed record CaseDataDeletionResult(CaseDataPreview Preview, DeletionReport? Deleted)
{
    /// <summary>The data changed since the preview the user confirmed (another session appeared or went): nothing was deleted.</summary>
    public bool Changed { get; init; }
}

/// <summary>
/// Deleting everything a team stores about a case reference on request: a preview with counts, then the deletion
/// itself, recorded in the team's deletion log (counts, who, when, a fingerprint of the case; no content).
/// </summary>
public sealed class CaseDataDeletion(
    SessionRepository sessions, ProtocolRepository protocols, AgreementRepository agreements, StorageRetention retention,
    DeletionLogRepository log, SessionService sessionService, SessionCache cache, IOptions<RetentionOptions> options, TimeProvider time)
{
    public async Task<CaseDataPreview> PreviewAsync(string tenantId, string teamId, string caseReference, string actorId, CancellationToken cancellationToken = default)
    {
        var scope = new TeamScope(tenantId, teamId);
        var found = await sessions.ListByCaseReferenceAsync(scope, caseReference, cancellationToken);
        var snapshots = new List<SessionSnapshot>();
        var protocolCount = 0;
        foreach (var summary in found)
        {
            if (await sessionService.GetAsync(new SessionAddress(tenantId, teamId, summary.SessionId), cancellationToken) is { } view)
            {
                snapshots.Add(view.State);
            }

            protocolCount += (await protocols.ListVersionsAsync(scope, summary.SessionId, cancellationToken)).Count;
        }

        var agreementCount = (await agreements.ListForCaseAsync(scope, caseReference, cancellationToken)).Count;
        var isAdministrator = options.Value.AdministratorIds.Contains(actorId, StringComparer.Ordinal);
        return new CaseDataPreview(caseReference, found.Select(s => s.SessionId).ToList(), protocolCount, agreementCount, CaseDeletionRules.Check(actorId, snapshots, isAdministrator));
    }

    /// <summary>Deletes when the rules allow it and the sessions still number <paramref name="expectedSessions"/> (what the user saw).</summary>
    public async Task<CaseDataDeletionResult> DeleteAsync(string tenantId, string teamId, string caseReference, string actorId, int expectedSessions, CancellationToken cancellationToken = default)
    {
        var preview = await PreviewAsync(tenantId, teamId, caseReference, actorId, cancellationToken);
        if (preview.Refusal is not null)
        {
            return new CaseDataDeletionResult(preview, null);
        }

        if (preview.Sessions != expectedSessions)
        {
            return new CaseDataDeletionResult(preview, null) { Changed = true };
        }

        var scope = new TeamScope(tenantId, teamId);
        var deleted = await retention.DeleteCaseReferenceAsync(scope, caseReference, cancellationToken);
        foreach (var sessionId in preview.SessionIds)
        {
            cache.Remove(new SessionAddress(tenantId, teamId, sessionId));
        }

        await log.AddAsync(scope, new DeletionLogEntry(time.GetUtcNow(), DeletionReason.CaseRequest, actorId, DeletionLogRepository.Fingerprint(scope, caseReference), deleted), cancellationToken);
        return new CaseDataDeletionResult(preview, deleted);
    }
}

using System.Text.Json;
using GbbTeamsBot.Application.Persistence;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Application;

public enum AgreementStatusChange
{
    Changed,
    Unchanged,
    NotFound,

    /// <summary>Changed by others on every attempt; nothing was written, try again.</summary>
    Conflict,
}

/// <summary>
/// Marks a stored agreement done, dropped or open again from the team's list, between sessions. The next
/// consultation of the case then starts with what is still open. Saves with If-Match; a concurrent change is read
/// again and decided anew.
/// </summary>
public sealed class AgreementStatusService(AgreementRepository agreements, TimeProvider time)
{
    public async Task<AgreementStatusChange> SetStatusAsync(
        string tenantId, string teamId, string sessionId, string agreementId, AgreementStatus status, CancellationToken cancellationToken = default)
    {
        var scope = new TeamScope(tenantId, teamId);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var stored = (await agreements.ListForTeamAsync(scope, cancellationToken: cancellationToken))
                .FirstOrDefault(a => a.Agreement.AgreementId == agreementId && a.Agreement.SessionId == sessionId);
            if (stored is null)
            {
                return AgreementStatusChange.NotFound;
            }

            var agreement = OutlivingRecords.ParseAgreement(stored.Agreement);
            if (agreement.Status == status)
            {
                return AgreementStatusChange.Unchanged;
            }

            var now = time.GetUtcNow();
            var changed = agreement with { Status = status, StatusChangedAt = now };
            var record = stored.Agreement with
            {
                Status = OutlivingRecords.StatusValue(status),
                PayloadJson = JsonSerializer.Serialize(changed, SessionSnapshotSerializer.Options),
                UpdatedAt = now,
            };
            try
            {
                await agreements.UpdateAsync(scope, record, stored.ETag, cancellationToken);
                return AgreementStatusChange.Changed;
            }
            catch (TablePreconditionFailedException)
            {
                // Someone changed it in between (another click, a review in a session): read again.
            }
        }

        return AgreementStatusChange.Conflict;
    }
}

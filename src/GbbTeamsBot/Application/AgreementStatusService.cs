using GbbTeamsBot.Application.Persistence;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Common;
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

    /// <summary>The actor is neither responsible nor had a role in the case's sessions (see <see cref="AgreementFollowUp.MayChangeStatus"/>).</summary>
    NotPermitted,

    /// <summary>The input was refused (e.g. a reason missing or too long, a due date in the past); see the rejection.</summary>
    Invalid,
}

/// <summary>What a status change between sessions came to; the agreement as stored afterwards when found.</summary>
public sealed record AgreementStatusResult(AgreementStatusChange Change, Agreement? Agreement = null, Rejection? Rejection = null);

/// <summary>
/// Changes a stored agreement between sessions: its status from the team's list or a reminder card ("Erledigt"), or
/// its due date ("Neues Datum"). The domain decides who may (<see cref="AgreementFollowUp.MayChangeStatus"/>); every
/// change keeps who made it and when. Saves with If-Match; a concurrent change is read again and decided anew.
/// </summary>
public sealed class AgreementStatusService(AgreementRepository agreements, SessionStore sessions, Reminders.AgreementReminderService reminders, TimeProvider time)
{
    public async Task<AgreementStatusChange> SetStatusAsync(
        string tenantId, string teamId, string sessionId, string agreementId, AgreementStatus status, string actorId, CancellationToken cancellationToken = default) =>
        (await ChangeAsync(tenantId, teamId, sessionId, agreementId, actorId, a => a.Status == status ? null : AgreementFollowUp.WithStatus(a, status, actorId, null, time.GetUtcNow()), cancellationToken)).Change;

    /// <summary>
    /// A status taken over from the team's Planner plan, which the team itself chose to sync with: no role check (the
    /// plan is the team's), recorded as changed by <see cref="PlannerActorId"/>.
    /// </summary>
    public async Task<AgreementStatusChange> SyncStatusFromPlannerAsync(
        string tenantId, string teamId, string sessionId, string agreementId, AgreementStatus status, CancellationToken cancellationToken = default) =>
        (await ChangeAsync(tenantId, teamId, sessionId, agreementId, PlannerActorId, a => a.Status == status ? null : AgreementFollowUp.WithStatus(a, status, PlannerActorId, null, time.GetUtcNow()), cancellationToken, checkRole: false)).Change;

    /// <summary>Who a status synced from Planner is recorded as changed by.</summary>
    public const string PlannerActorId = "microsoft-planner";

    /// <summary>"Neues Datum": the agreement is due on <paramref name="dueBy"/> from now on (not a day in the past).</summary>
    public Task<AgreementStatusResult> SetDueDateAsync(
        string tenantId, string teamId, string sessionId, string agreementId, DateOnly dueBy, DateOnly today, string actorId, CancellationToken cancellationToken = default) =>
        dueBy < today
            ? Task.FromResult(new AgreementStatusResult(AgreementStatusChange.Invalid, Rejection: new Rejection(RejectionCode.InvalidDuration, new Bilingual(
                "Das neue Datum liegt in der Vergangenheit. Bitte ein Datum ab heute wählen; es wurde nichts geändert.",
                "The new date is in the past. Please choose a date from today on; nothing was changed."))))
            : ChangeAsync(tenantId, teamId, sessionId, agreementId, actorId, a => a.DueBy == dueBy ? null : a with { DueBy = dueBy, StatusChangedAt = time.GetUtcNow(), StatusChangedById = actorId }, cancellationToken);

    /// <summary>The stored agreement of this session and id, or null.</summary>
    public async Task<StoredAgreement?> FindAsync(TeamScope scope, string sessionId, string agreementId, CancellationToken cancellationToken = default) =>
        (await agreements.ListForTeamAsync(scope, cancellationToken: cancellationToken))
            .FirstOrDefault(a => a.Agreement.AgreementId == agreementId && a.Agreement.SessionId == sessionId);

    private async Task<AgreementStatusResult> ChangeAsync(
        string tenantId, string teamId, string sessionId, string agreementId, string actorId, Func<Agreement, Agreement?> change, CancellationToken cancellationToken, bool checkRole = true)
    {
        var scope = new TeamScope(tenantId, teamId);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var stored = await FindAsync(scope, sessionId, agreementId, cancellationToken);
            if (stored is null)
            {
                return new AgreementStatusResult(AgreementStatusChange.NotFound);
            }

            var agreement = OutlivingRecords.ParseAgreement(stored.Agreement);
            if (checkRole && AgreementFollowUp.MayChangeStatus(actorId, agreement, await CaseRoleHoldersAsync(scope, agreement, cancellationToken)) is { } refused)
            {
                return new AgreementStatusResult(AgreementStatusChange.NotPermitted, agreement, refused);
            }

            if (change(agreement) is not { } changed)
            {
                return new AgreementStatusResult(AgreementStatusChange.Unchanged, agreement);
            }

            try
            {
                await agreements.UpdateAsync(scope, OutlivingRecords.ToRecord(stored.Agreement.CaseReference, changed, time.GetUtcNow()), stored.ETag, cancellationToken);

                // A new date plans new reminders; done ones make the indexed row stale when it comes.
                await reminders.ScheduleAsync(scope, changed, cancellationToken);
                return new AgreementStatusResult(AgreementStatusChange.Changed, changed);
            }
            catch (TablePreconditionFailedException)
            {
                // Someone changed it in between (another click, a review in a session): read again.
            }
        }

        return new AgreementStatusResult(AgreementStatusChange.Conflict);
    }

    /// <summary>Everyone who held a role in a session of the agreement's case (or of its session, without a case reference).</summary>
    private async Task<IReadOnlyList<string>> CaseRoleHoldersAsync(TeamScope scope, Agreement agreement, CancellationToken cancellationToken)
    {
        var sessionIds = agreement.CaseReference is { } caseReference
            ? (await sessions.ListForCaseAsync(scope, caseReference, cancellationToken)).Select(s => s.SessionId).ToList()
            : [];
        if (!sessionIds.Contains(agreement.SourceSessionId, StringComparer.Ordinal))
        {
            sessionIds.Add(agreement.SourceSessionId);
        }

        var holders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in sessionIds)
        {
            if (await sessions.LoadAsync(new SessionAddress(scope.TenantId, scope.TeamId, id), cancellationToken) is { } session)
            {
                holders.UnionWith(session.Snapshot.Participants.Select(p => p.Id));
            }
        }

        return [.. holders];
    }
}

using GbbTeamsBot.Application.Persistence;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Privacy;
using GbbTeamsBot.Storage.Repositories;

namespace GbbTeamsBot.Application;

/// <summary>One case over time: its sessions (oldest first) and every agreement made about it.</summary>
public sealed record CaseHistory(string CaseReference, IReadOnlyList<SessionView> Sessions, IReadOnlyList<Agreement> Agreements);

/// <summary>
/// "fall &lt;Pseudonym&gt;": reads a case's sessions and agreements within one team only (the team of the conversation
/// asking), so only members of that team ever see it.
/// </summary>
public sealed class CaseHistoryQuery(SessionStore store, OutlivingRecords records)
{
    /// <summary>Sessions shown at most (the latest).</summary>
    public const int MaxSessions = 12;

    public async Task<(CaseHistory? History, Rejection? Rejection)> GetAsync(string tenantId, string teamId, string? pseudonym, CancellationToken cancellationToken = default)
    {
        var parsed = CaseReference.Parse(pseudonym);
        if (!parsed.IsSuccess)
        {
            return (null, parsed.Rejection);
        }

        var caseReference = parsed.Value!.Value;
        var scope = new TeamScope(tenantId, teamId);
        var sessions = new List<SessionView>();
        foreach (var facts in await store.ListForCaseAsync(scope, caseReference, cancellationToken))
        {
            if (await store.LoadAsync(new SessionAddress(tenantId, teamId, facts.SessionId), cancellationToken) is { } loaded)
            {
                sessions.Add(loaded.ToView());
            }
        }

        var agreements = (await records.ForCaseAsync(scope, caseReference, cancellationToken))
            .Where(a => a.Status != AgreementStatus.CarriedOver)
            .OrderBy(a => a.CreatedAt)
            .ToList();
        var ordered = sessions.OrderBy(s => s.State.StartedAt ?? s.State.CreatedAt).TakeLast(MaxSessions).ToList();
        return (new CaseHistory(caseReference, ordered, agreements), null);
    }
}

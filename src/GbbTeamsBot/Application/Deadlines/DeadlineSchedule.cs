using GbbTeamsBot.Domain.Deadlines;
using GbbTeamsBot.Storage.Repositories;

namespace GbbTeamsBot.Application.Deadlines;

/// <summary>
/// Keeps the deadline index in step with sessions. Order that never loses a deadline: the NEW deadline is indexed
/// before the session is saved, the OLD one is removed only after the save. A crash in between leaves an extra row
/// whose token is stale; the scanner fires it through the domain, which ignores it, and removes the row.
/// </summary>
public sealed class DeadlineSchedule(DeadlineIndexRepository index)
{
    /// <summary>Indexes <paramref name="next"/> when it differs from <paramref name="previous"/> (call before saving).</summary>
    public async Task ScheduleIfChangedAsync(SessionAddress address, Deadline? previous, Deadline? next, CancellationToken cancellationToken)
    {
        if (next is not null && !SameToken(previous, next))
        {
            await index.ScheduleAsync(address.Scope, address.SessionId, next.Token, next.DueAt, cancellationToken);
        }
    }

    /// <summary>Indexes the next deadlines of many sessions at once (one transaction per minute bucket; call before saving).</summary>
    public Task ScheduleAllAsync(IReadOnlyList<(SessionAddress Address, Deadline Next)> deadlines, CancellationToken cancellationToken) =>
        index.ScheduleAllAsync(
            deadlines.Select(d => new DeadlineRecord(d.Address.TenantId, d.Address.TeamId, d.Address.SessionId, d.Next.Token, d.Next.DueAt)).ToList(),
            cancellationToken: cancellationToken);

    /// <summary>
    /// Indexes next deadlines already claimed by <paramref name="owner"/> (until their instant plus
    /// <paramref name="lease"/>), so the instance that fired the sessions fires these too; returns the claimed rows in order.
    /// </summary>
    public Task<IReadOnlyList<DeadlineEntry>> ScheduleClaimedAsync(IReadOnlyList<(SessionAddress Address, Deadline Next)> deadlines, string owner, TimeSpan lease, CancellationToken cancellationToken) =>
        index.ScheduleAllAsync(
            deadlines.Select(d => new DeadlineRecord(d.Address.TenantId, d.Address.TeamId, d.Address.SessionId, d.Next.Token, d.Next.DueAt)).ToList(),
            owner,
            lease,
            cancellationToken);

    /// <summary>Removes <paramref name="previous"/> when it was replaced (call after saving). Missing rows are fine.</summary>
    public async Task CancelIfReplacedAsync(SessionAddress address, Deadline? previous, Deadline? next, CancellationToken cancellationToken)
    {
        if (previous is not null && !SameToken(previous, next))
        {
            await index.CancelAsync(address.Scope, address.SessionId, previous.Token, previous.DueAt, cancellationToken);
        }
    }

    private static bool SameToken(Deadline? a, Deadline? b) =>
        a is not null && b is not null && string.Equals(a.Token, b.Token, StringComparison.Ordinal) && a.DueAt == b.DueAt;
}

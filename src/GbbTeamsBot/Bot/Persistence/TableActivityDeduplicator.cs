using GbbTeamsBot.BotFramework;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.Storage.Repositories;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Bot.Persistence;

/// <summary>
/// Activity de-duplication in Table storage, shared by all instances: a redelivery that reaches another instance is
/// still a repeat, and a delivery whose handling failed (forgotten) or whose instance crashed (lease over) is handled
/// again. Taking over after a crash is safe for session commands: their request row, stored in the session's own
/// transaction, turns a second run into a replay of the first outcome.
/// </summary>
public sealed class TableActivityDeduplicator(ActivityClaimRepository claims, TimeProvider time, IOptions<BotOptions> options) : IActivityDeduplicator
{
    private readonly InboundLimitOptions _limits = options.Value.Inbound;

    public async ValueTask<ActivityHold> TryBeginAsync(ActivityKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var claim = await claims.TryClaimAsync(key.TenantId, key.ChannelId + "|" + key.ConversationId, key.ActivityId, time.GetUtcNow(), _limits.ActivityLease, _limits.ActivityRetention, cancellationToken);
        return claim.State switch
        {
            ActivityClaimState.Claimed => new ActivityHold(key, ActivityBegin.Claimed, claim),
            ActivityClaimState.Done => new ActivityHold(key, ActivityBegin.AlreadyHandled),
            _ => new ActivityHold(key, ActivityBegin.InProgress),
        };
    }

    public async ValueTask CompleteAsync(ActivityHold hold, CancellationToken cancellationToken)
    {
        if (hold?.Token is ActivityClaim claim)
        {
            await claims.CompleteAsync(claim, time.GetUtcNow(), _limits.ActivityRetention, cancellationToken);
        }
    }

    public async ValueTask ForgetAsync(ActivityHold hold, CancellationToken cancellationToken)
    {
        if (hold?.Token is ActivityClaim claim)
        {
            await claims.ForgetAsync(claim, cancellationToken);
        }
    }
}

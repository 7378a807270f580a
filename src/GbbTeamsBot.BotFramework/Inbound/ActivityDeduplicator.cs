namespace GbbTeamsBot.BotFramework.Inbound;

/// <summary>One inbound activity as the channel identifies it across redeliveries.</summary>
public sealed record ActivityKey(string ChannelId, string TenantId, string ConversationId, string ActivityId)
{
    public override string ToString() => $"{ChannelId}|{TenantId}|{ConversationId}|{ActivityId}";
}

/// <summary>What <see cref="IActivityDeduplicator.TryBeginAsync"/> decided about a delivery.</summary>
public enum ActivityBegin
{
    /// <summary>Recorded as pending for this delivery: handle it, then complete or forget it.</summary>
    Claimed,

    /// <summary>Handled before: a repeat delivery, answered without handling.</summary>
    AlreadyHandled,

    /// <summary>Another delivery is handling it right now (its lease has not run out).</summary>
    InProgress,
}

/// <summary>A delivery's hold on an activity; <see cref="Token"/> is the store's own (e.g. the pending row's ETag).</summary>
public sealed record ActivityHold(ActivityKey Key, ActivityBegin Outcome, object? Token = null);

/// <summary>
/// Teams retries deliveries; the same activity must be handled once, and an activity whose handling failed must be
/// handled when it comes again. A delivery records the activity as pending, marks it done after handling, and forgets
/// it when handling failed. A pending record older than the store's lease is taken over (its holder crashed).
/// </summary>
public interface IActivityDeduplicator
{
    ValueTask<ActivityHold> TryBeginAsync(ActivityKey key, CancellationToken cancellationToken);

    /// <summary>Marks a claimed activity as handled; a later delivery is a repeat.</summary>
    ValueTask CompleteAsync(ActivityHold hold, CancellationToken cancellationToken);

    /// <summary>Forgets a claimed activity whose handling failed, so the channel's redelivery is handled.</summary>
    ValueTask ForgetAsync(ActivityHold hold, CancellationToken cancellationToken);
}

/// <summary>
/// Bounded, expiring in-memory record of activity keys (one instance only: the host registers the Table-backed store,
/// which all instances share). Pending entries older than the lease are taken over.
/// </summary>
public sealed class InMemoryActivityDeduplicator : IActivityDeduplicator
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset At)> _order = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _retention;
    private readonly TimeSpan _lease;
    private readonly int _capacity;

    public InMemoryActivityDeduplicator(TimeProvider time, TimeSpan? retention = null, int capacity = 50_000, TimeSpan? lease = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _time = time;
        _retention = retention ?? TimeSpan.FromMinutes(15);
        _lease = lease ?? TimeSpan.FromMinutes(1);
        _capacity = capacity;
    }

    public ValueTask<ActivityHold> TryBeginAsync(ActivityKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var id = key.ToString();
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            while (_order.Count > 0 && (now - _order.Peek().At >= _retention || _order.Count >= _capacity))
            {
                var (oldKey, at) = _order.Dequeue();
                if (_seen.TryGetValue(oldKey, out var seen) && seen.At == at)
                {
                    _seen.Remove(oldKey);
                }
            }

            if (_seen.TryGetValue(id, out var entry))
            {
                if (entry.Done)
                {
                    return ValueTask.FromResult(new ActivityHold(key, ActivityBegin.AlreadyHandled));
                }

                if (now - entry.At < _lease)
                {
                    return ValueTask.FromResult(new ActivityHold(key, ActivityBegin.InProgress));
                }
            }

            var claimed = new Entry(now, Done: false, Owner: new object());
            _seen[id] = claimed;
            _order.Enqueue((id, now));
            return ValueTask.FromResult(new ActivityHold(key, ActivityBegin.Claimed, claimed.Owner));
        }
    }

    public ValueTask CompleteAsync(ActivityHold hold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        lock (_gate)
        {
            if (_seen.TryGetValue(hold.Key.ToString(), out var entry) && ReferenceEquals(entry.Owner, hold.Token))
            {
                _seen[hold.Key.ToString()] = entry with { Done = true };
            }
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask ForgetAsync(ActivityHold hold, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(hold);
        lock (_gate)
        {
            if (_seen.TryGetValue(hold.Key.ToString(), out var entry) && ReferenceEquals(entry.Owner, hold.Token))
            {
                _seen.Remove(hold.Key.ToString());
            }
        }

        return ValueTask.CompletedTask;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _seen.Count;
            }
        }
    }

    private sealed record Entry(DateTimeOffset At, bool Done, object Owner);
}

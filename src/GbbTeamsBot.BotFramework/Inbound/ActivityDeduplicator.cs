namespace GbbTeamsBot.BotFramework.Inbound;

/// <summary>Teams retries deliveries; the same activity id must be handled once.</summary>
public interface IActivityDeduplicator
{
    /// <summary>True the first time a key is seen (within the retention), false for a repeat delivery.</summary>
    ValueTask<bool> TryBeginAsync(string key, CancellationToken cancellationToken);
}

/// <summary>Bounded, expiring in-memory record of recently seen activity keys (per instance; a shared store comes later).</summary>
public sealed class InMemoryActivityDeduplicator : IActivityDeduplicator
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(string Key, DateTimeOffset At)> _order = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _retention;
    private readonly int _capacity;

    public InMemoryActivityDeduplicator(TimeProvider time, TimeSpan? retention = null, int capacity = 50_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _time = time;
        _retention = retention ?? TimeSpan.FromMinutes(15);
        _capacity = capacity;
    }

    public ValueTask<bool> TryBeginAsync(string key, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            while (_order.Count > 0 && (now - _order.Peek().At >= _retention || _order.Count >= _capacity))
            {
                var (oldKey, at) = _order.Dequeue();
                if (_seen.TryGetValue(oldKey, out var seenAt) && seenAt == at)
                {
                    _seen.Remove(oldKey);
                }
            }

            if (_seen.ContainsKey(key))
            {
                return ValueTask.FromResult(false);
            }

            _seen[key] = now;
            _order.Enqueue((key, now));
            return ValueTask.FromResult(true);
        }
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
}

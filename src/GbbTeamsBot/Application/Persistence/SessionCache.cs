using System.Collections.Concurrent;

namespace GbbTeamsBot.Application.Persistence;

/// <summary>
/// The last state this instance loaded or stored per session, with its ETag. A command starts from it instead of
/// reading; if another instance wrote meanwhile, the save's If-Match fails and the command reloads, so a stale entry
/// costs one round trip, never correctness. Bounded: past the capacity the oldest entries make room.
/// </summary>
public sealed class SessionCache
{
    public const int DefaultCapacity = 2_000;

    private readonly ConcurrentDictionary<SessionAddress, (LoadedSession Session, long Stamp)> _entries = new();
    private readonly int _capacity;
    private long _clock;

    public SessionCache(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
    }

    public int Count => _entries.Count;

    public LoadedSession? Get(SessionAddress address) => _entries.TryGetValue(address, out var entry) ? entry.Session : null;

    public void Set(LoadedSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _entries.AddOrUpdate(
            session.Address,
            (session, Interlocked.Increment(ref _clock)),
            (_, existing) => existing.Session.Snapshot.Version > session.Snapshot.Version ? existing : (session, Interlocked.Increment(ref _clock)));
        if (_entries.Count > _capacity)
        {
            // ToArray is the dictionary's own snapshot; LINQ over it directly can see a half-copied array while others remove.
            var entries = _entries.ToArray();
            foreach (var oldest in entries.OrderBy(e => e.Value.Stamp).Take(entries.Length - (_capacity * 9 / 10)).ToList())
            {
                _entries.TryRemove(oldest);
            }
        }
    }

    public void Remove(SessionAddress address) => _entries.TryRemove(address, out _);
}

namespace GbbTeamsBot.BotFramework.Tests.Support;

/// <summary>
/// Virtual time that jumps ahead instead of waiting: a timer due in d moves the clock to (now + d) and fires at once.
/// With callers that wait one at a time (as the per-thread limiter does), this replays hours of sending in milliseconds
/// while every timestamp stays consistent.
/// </summary>
public sealed class FastForwardTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new JumpTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void JumpTo(DateTimeOffset target)
    {
        lock (_gate)
        {
            if (target > _now)
            {
                _now = target;
            }
        }
    }

    private sealed class JumpTimer(FastForwardTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private bool _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            if (_disposed || dueTime == Timeout.InfiniteTimeSpan)
            {
                return !_disposed;
            }

            owner.JumpTo(owner.GetUtcNow() + dueTime);
            ThreadPool.QueueUserWorkItem(_ =>
            {
                if (!_disposed)
                {
                    callback(state);
                }
            });
            return true;
        }

        public void Dispose() => _disposed = true;

        public ValueTask DisposeAsync()
        {
            _disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}

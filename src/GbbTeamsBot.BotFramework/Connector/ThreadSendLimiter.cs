using System.Collections.Concurrent;

namespace GbbTeamsBot.BotFramework.Connector;

/// <summary>One limit of the Teams per-bot, per-thread send quota: at most <see cref="Limit"/> sends in any <see cref="Window"/>.</summary>
public sealed record RateWindow(int Limit, TimeSpan Window);

/// <summary>
/// Keeps every conversation thread within the Teams quota for one bot (7 per second, 60 per 30 seconds, 1,800 per hour).
/// It keeps an exact log of send times per thread (a sliding log, not an approximation), so the limits hold in every
/// window, and callers of one thread go through one at a time in arrival order.
/// </summary>
public sealed class ThreadSendLimiter
{
    public static readonly IReadOnlyList<RateWindow> TeamsSendLimits =
    [
        new(7, TimeSpan.FromSeconds(1)),
        new(60, TimeSpan.FromSeconds(30)),
        new(1800, TimeSpan.FromHours(1)),
    ];

    private readonly IReadOnlyList<RateWindow> _windows;
    private readonly TimeSpan _longest;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, ThreadLog> _threads = new(StringComparer.Ordinal);
    private int _acquisitions;

    public ThreadSendLimiter(TimeProvider time, IReadOnlyList<RateWindow>? windows = null)
    {
        _time = time;
        _windows = windows ?? TeamsSendLimits;
        _longest = _windows.Max(w => w.Window);
    }

    /// <summary>The thread a conversation id belongs to: a channel reply chain "19:x@thread.tacv2;messageid=1" counts as its channel, conservatively.</summary>
    public static string ThreadKey(string serviceUrl, string conversationId)
    {
        ArgumentNullException.ThrowIfNull(conversationId);
        var separator = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        var thread = separator >= 0 ? conversationId[..separator] : conversationId;
        return serviceUrl + "|" + thread;
    }

    /// <summary>Waits until one more send on <paramref name="threadKey"/> stays within every window, then records it.</summary>
    /// <summary>Observes every permit (thread key, time); tests use it to check the windows against the limiter's own clock.</summary>
    internal event Action<string, DateTimeOffset>? Granted;

    public async Task AcquireAsync(string threadKey, CancellationToken cancellationToken)
    {
        var log = _threads.GetOrAdd(threadKey, _ => new ThreadLog());
        await log.Gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var now = _time.GetUtcNow();
                var wait = log.WaitTime(now, _windows, _longest);
                if (wait <= TimeSpan.Zero)
                {
                    log.Sends.Enqueue(now);
                    log.LastSend = now;
                    Granted?.Invoke(threadKey, now);
                    break;
                }

                await Task.Delay(wait, _time, cancellationToken);
            }
        }
        finally
        {
            log.Gate.Release();
        }

        if (Interlocked.Increment(ref _acquisitions) % 1024 == 0)
        {
            ForgetIdleThreads();
        }
    }

    private void ForgetIdleThreads()
    {
        var now = _time.GetUtcNow();
        foreach (var (key, log) in _threads)
        {
            // An idle thread's log is empty once its longest window has passed; dropping it changes nothing.
            if (now - log.LastSend > _longest && log.Gate.Wait(0))
            {
                try
                {
                    if (now - log.LastSend > _longest)
                    {
                        _threads.TryRemove(new KeyValuePair<string, ThreadLog>(key, log));
                    }
                }
                finally
                {
                    log.Gate.Release();
                }
            }
        }
    }

    private sealed class ThreadLog
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Queue<DateTimeOffset> Sends { get; } = new();

        public DateTimeOffset LastSend { get; set; } = DateTimeOffset.MinValue;

        public TimeSpan WaitTime(DateTimeOffset now, IReadOnlyList<RateWindow> windows, TimeSpan longest)
        {
            while (Sends.Count > 0 && now - Sends.Peek() >= longest)
            {
                Sends.Dequeue();
            }

            var sends = Sends.ToArray();
            var wait = TimeSpan.Zero;
            foreach (var window in windows)
            {
                var inWindow = 0;
                for (var i = sends.Length - 1; i >= 0 && now - sends[i] < window.Window; i--)
                {
                    inWindow++;
                }

                if (inWindow >= window.Limit)
                {
                    // The send that must leave the window before another one fits.
                    var blocking = sends[sends.Length - window.Limit];
                    var until = blocking + window.Window - now;
                    if (until > wait)
                    {
                        wait = until;
                    }
                }
            }

            return wait;
        }
    }
}

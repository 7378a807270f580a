using System.Collections.Concurrent;
using System.Globalization;

namespace GbbTeamsBot.DevStack.Local;

/// <summary>
/// What the launcher is doing while it gets ready (npm ci, the build, the three services), as a line printed every few
/// seconds: "[0:40] 1 of 5 steps done · running: npm ci (38 s), build (40 s)". So a slow first start (two minutes on a
/// busy machine) never looks like a hang.
/// </summary>
public sealed class StartupProgress(TimeProvider time, params string[] steps)
{
    private readonly DateTimeOffset _started = time.GetUtcNow();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TimeSpan> _done = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Steps { get; } = steps;

    public void Begin(string step) => _running[step] = time.GetUtcNow();

    public void End(string step)
    {
        if (_running.TryRemove(step, out var began))
        {
            _done[step] = time.GetUtcNow() - began;
        }
    }

    /// <summary>Runs <paramref name="work"/> as one named step.</summary>
    public async Task<T> StepAsync<T>(string step, Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Begin(step);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            End(step);
        }
    }

    public async Task StepAsync(string step, Func<Task> work) => await StepAsync(step, async () =>
    {
        await work().ConfigureAwait(false);
        return true;
    }).ConfigureAwait(false);

    /// <summary>The status line now.</summary>
    public string Line()
    {
        var now = time.GetUtcNow();
        var elapsed = now - _started;
        var running = Steps.Where(_running.ContainsKey)
            .Select(s => $"{s} ({(now - _running[s]).TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s)")
            .ToList();
        var line = $"[{(int)elapsed.TotalMinutes}:{elapsed.Seconds:00}] {_done.Count} of {Steps.Count} steps done";
        return running.Count == 0 ? line : line + " · running: " + string.Join(", ", running);
    }

    /// <summary>Prints <see cref="Line"/> every <paramref name="interval"/> until cancelled.</summary>
    public async Task ReportAsync(Action<string> output, TimeSpan interval, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                output(Line());
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}

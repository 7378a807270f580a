using GbbTeamsBot.DevStack.Local;

namespace GbbTeamsBot.EndToEnd.Tests.LocalProcesses;

/// <summary>The run command says what it is doing while npm ci and the build take their time.</summary>
public sealed class StartupProgressTests
{
    private sealed class SteppedClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    [Fact]
    public async Task Progress_line_names_the_running_steps_with_their_time_and_counts_the_finished_ones()
    {
        var clock = new SteppedClock();
        var progress = new StartupProgress(clock, "npm tools", "bot build", "services");
        var npm = new TaskCompletionSource();
        var install = progress.StepAsync("npm tools", () => npm.Task);
        var build = progress.StepAsync("bot build", () => Task.CompletedTask);
        await build;

        clock.Now = clock.Now.AddSeconds(42);
        Assert.Equal("[0:42] 1 of 3 steps done · running: npm tools (42 s)", progress.Line());

        npm.SetResult();
        await install;
        clock.Now = clock.Now.AddSeconds(80);
        Assert.Equal("[2:02] 2 of 3 steps done", progress.Line());
    }

    [Fact]
    public async Task Progress_is_reported_every_interval_until_cancelled()
    {
        var lines = new List<string>();
        var progress = new StartupProgress(TimeProvider.System, "bot build");
        progress.Begin("bot build");
        using var stop = new CancellationTokenSource();

        var report = progress.ReportAsync(l => { lock (lines) { lines.Add(l); } }, TimeSpan.FromMilliseconds(50), stop.Token);
        await Task.Delay(400);
        await stop.CancelAsync();
        await report;

        lock (lines)
        {
            Assert.NotEmpty(lines);
            Assert.All(lines, l => Assert.Contains("running: bot build", l, StringComparison.Ordinal));
        }
    }
}

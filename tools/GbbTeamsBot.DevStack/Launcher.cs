using System.Runtime.InteropServices;
using System.Text;
using GbbTeamsBot.DevStack.Local;

namespace GbbTeamsBot.DevStack;

/// <summary>
/// One command for local development: Azurite (Table service, data in .local/azurite), the bot in Development and
/// the Agents Playground, on fixed ports. Ctrl+C (or SIGTERM, or the parent going away) stops all three.
/// </summary>
internal static class Launcher
{
    public const int AzuritePort = 10002;
    public const int BotPort = 3978;
    public const int PlaygroundPort = 56150;

    public static async Task<int> RunAsync(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        if (args.Any(a => a is "-h" or "--help" or "/?"))
        {
            PrintUsage();
            return 0;
        }

        var playgroundConfigPath = Path.Combine(RepoPaths.Root, "tools", "playground", PlaygroundConfig.FileName);
        if (args.Contains("--write-playground-config"))
        {
            await File.WriteAllTextAsync(playgroundConfigPath, PlaygroundConfig.SozialraumNord.ToYaml());
            Console.WriteLine($"Wrote {playgroundConfigPath}");
            return 0;
        }

        var quiet = args.Contains("--quiet");
        using var stop = new CancellationTokenSource();
        var stopReason = "";
        void RequestStop(string reason)
        {
            if (stop.IsCancellationRequested)
            {
                Console.WriteLine($"Still stopping ({reason} ignored): Azurite is saving its data ...");
                return;
            }

            stopReason = reason;
            Console.WriteLine($"Stopping the local stack ({reason}) ...");
            stop.Cancel();
        }

        // Cancel = true: the launcher decides how to stop; the children get SIGINT from it (and from the terminal).
        using var sigInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; RequestStop("SIGINT"); });
        using var sigTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; RequestStop("SIGTERM"); });
        using var sigHup = OperatingSystem.IsWindows() ? null : PosixSignalRegistration.Create(PosixSignal.SIGHUP, c => { c.Cancel = true; RequestStop("SIGHUP"); });
        _ = ParentWatch.WaitForParentExitAsync(stop.Token).ContinueWith(
            t => { if (t.IsCompletedSuccessfully) RequestStop("parent process exited"); }, TaskScheduler.Default);

        try
        {
            NodeTools.RequireNode();
        }
        catch (InvalidOperationException ex)
        {
            return Fail(ex.Message);
        }

        var busy = new[] { (AzuritePort, "Azurite's Table service"), (BotPort, "the bot"), (PlaygroundPort, "the Agents Playground") }
            .Where(p => FreePort.IsInUse(p.Item1)).ToList();
        if (busy.Count > 0)
        {
            return Fail(string.Join('\n', busy.Select(p => new PortInUseException(p.Item1, p.Item2).Message)), exitCode: 2);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        Console.WriteLine("Starting the GbbTeamsBot local stack (Azurite, bot, Agents Playground) ...");
        Console.WriteLine("Steps: npm tools (npm ci, only when node_modules is missing), bot build, then Azurite, the bot and the Playground. A progress line follows every 10 s.");
        var progress = new StartupProgress(TimeProvider.System, "npm tools", "bot build", "services");
        using var reporting = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        var report = progress.ReportAsync(Console.WriteLine, TimeSpan.FromSeconds(10), reporting.Token);
        using var prepare = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        try
        {
            // npm ci waits on the disk and the registry, the build on the CPU: on a fresh clone, doing both at once
            // saves most of the first start. If one fails, the other is cancelled.
            var install = progress.StepAsync("npm tools", () => NodeTools.EnsureInstalledAsync(Console.WriteLine, prepare.Token));
            var build = progress.StepAsync("bot build", () => HostBuild.BuildAsync(Console.WriteLine, prepare.Token));
            _ = install.ContinueWith(_ => prepare.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            _ = build.ContinueWith(_ => prepare.Cancel(), CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            await WhenAllOrFirstFault(install, build);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 130;
        }
        catch (InvalidOperationException ex)
        {
            await reporting.CancelAsync();
            return Fail(ex.Message);
        }

        Console.WriteLine($"Prepared after {clock.Elapsed.TotalSeconds:0.0} s; starting Azurite, the bot and the Playground ...");
        var options = new LocalStackOptions
        {
            AzuritePort = AzuritePort,
            AzuriteDataFolder = Path.Combine(RepoPaths.LocalData, "azurite"),
            BotPort = BotPort,
            PlaygroundPort = PlaygroundPort,
            PlaygroundConfigPath = playgroundConfigPath,
            PlaygroundWorkingDirectory = Path.Combine(RepoPaths.LocalData, "playground"),
            Output = quiet ? null : line => Console.WriteLine(line),
        };

        var buildTime = clock.Elapsed;
        LocalStack stack;
        try
        {
            stack = await progress.StepAsync("services", () => LocalStack.StartAsync(options, stop.Token));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.WriteLine("Start cancelled; everything started so far has been stopped.");
            return 130;
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or FileNotFoundException)
        {
            return Fail(ex.Message, exitCode: ex is PortInUseException ? 2 : 1);
        }

        await reporting.CancelAsync();
        await report;
        PrintSummary(stack);
        Console.WriteLine($"Ready after {clock.Elapsed.TotalSeconds:0.0} s (host build {buildTime.TotalSeconds:0.0} s, start {(clock.Elapsed - buildTime).TotalSeconds:0.0} s).");
        var exitCode = 0;
        await using (stack)
        {
            var crashed = await WaitForStopOrCrashAsync(stack, stop.Token);
            if (crashed is not null)
            {
                exitCode = 1;
                Console.Error.WriteLine($"{crashed.Name} exited unexpectedly (exit code {crashed.ExitCode}). Its last output:");
                foreach (var line in crashed.RecentOutput.TakeLast(25))
                {
                    Console.Error.WriteLine("  " + line);
                }

                Console.WriteLine("Stopping the rest of the local stack ...");
            }

            await stack.StopAsync();
        }

        var stillBusy = new[] { AzuritePort, BotPort, PlaygroundPort }.Where(FreePort.IsInUse).ToList();
        Console.WriteLine(stillBusy.Count == 0
            ? $"Stopped{(stopReason.Length > 0 ? $" ({stopReason})" : "")}. Ports {BotPort}, {AzuritePort} and {PlaygroundPort} are free; Azurite's data is kept in .local/azurite."
            : $"Stopped, but port(s) {string.Join(", ", stillBusy)} are still in use by another process.");
        return exitCode;
    }

    private static async Task<ChildProcess?> WaitForStopOrCrashAsync(LocalStack stack, CancellationToken stop)
    {
        var processes = new List<ChildProcess> { stack.Azurite.Process!, stack.Bot.Process };
        if (stack.Playground is not null)
        {
            processes.Add(stack.Playground.Process);
        }

        var exits = processes.Select(p => p.WaitForExitAsync(stop)).ToList();
        try
        {
            var first = await Task.WhenAny([.. exits, Task.Delay(Timeout.Infinite, stop)]);
            await first;
            var index = exits.IndexOf(first);
            return index >= 0 && !stop.IsCancellationRequested ? processes[index] : null;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    private static void PrintSummary(LocalStack stack)
    {
        var playground = stack.Playground!;
        var text = $"""

            ==================================================================================
             GbbTeamsBot local stack is running
               Azurite (Table)   {stack.Azurite.TableEndpoint}   data: .local/azurite
               Bot               {stack.Bot.BaseAddress}   (/api/messages, /healthz, /readyz)
               Playground        {playground.BaseAddress}   config: tools/playground/{PlaygroundConfig.FileName}
             Team "{playground.Config.TeamName}" (General, {playground.Config.Channel.Name}), group chat "{playground.Config.GroupChatName}",
             you are {playground.Config.CurrentUser.Name}. Type "hilfe" in the personal chat to start.

             Open in your browser:  {playground.BaseAddress}
             Press Ctrl+C to stop everything (from another shell: kill {Environment.ProcessId}).
            ==================================================================================

            """;
        Console.WriteLine(text);
    }

    private static int Fail(string message, int exitCode = 1)
    {
        Console.Error.WriteLine();
        Console.Error.WriteLine("The local stack could not start:");
        Console.Error.WriteLine(message);
        return exitCode;
    }

    private static void PrintUsage() => Console.WriteLine($"""
        GbbTeamsBot local stack: Azurite (Table service), the bot (Development) and the Microsoft 365 Agents Playground.

          dotnet run --project tools/GbbTeamsBot.DevStack [-- --quiet]

          Azurite    http://127.0.0.1:{AzuritePort}  (data kept in .local/azurite)
          Bot        http://localhost:{BotPort}      (/api/messages, /healthz, /readyz)
          Playground http://localhost:{PlaygroundPort}  (open this in a browser)

          --quiet                    do not echo the output of the three processes
          --write-playground-config  rewrite tools/playground/.m365agentsplayground.yml from PlaygroundConfig.cs
        Needs the .NET 10 SDK and Node.js 20+. Installs the pinned npm tools (npm ci) when node_modules is missing.
        """);

    /// <summary>Waits for both tasks; a real failure wins over the cancellation it caused in the other task.</summary>
    private static async Task WhenAllOrFirstFault(Task first, Task second)
    {
        try
        {
            await Task.WhenAll(first, second);
        }
        catch (OperationCanceledException)
        {
            foreach (var task in new[] { first, second })
            {
                if (task.IsFaulted && task.Exception?.InnerException is { } cause && cause is not OperationCanceledException)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(cause).Throw();
                }
            }

            throw;
        }
    }
}

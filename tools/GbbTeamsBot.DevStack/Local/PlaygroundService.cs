using System.Globalization;
using System.Text.RegularExpressions;

namespace GbbTeamsBot.DevStack.Local;

/// <summary>
/// The Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground) as a real local process, pointed at the
/// bot's /api/messages. It listens on all interfaces and silently moves to a random port when its port is busy,
/// so the port it reports is checked against the one asked for.
/// </summary>
public sealed partial class PlaygroundService : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(45);
    private readonly ChildProcess _process;

    private readonly TaskCompletionSource<int> _reportedPort;

    private PlaygroundService(int port, Uri botEndpoint, string configPath, PlaygroundConfig config, ChildProcess process, TaskCompletionSource<int> reportedPort)
    {
        _reportedPort = reportedPort;
        Port = port;
        BotEndpoint = botEndpoint;
        ConfigPath = configPath;
        Config = config;
        _process = process;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://localhost:{Port}/");

    public Uri BotEndpoint { get; }

    public string ConfigPath { get; }

    public PlaygroundConfig Config { get; }

    public ChildProcess Process => _process;

    public static string CliPath => Path.Combine(RepoPaths.NodeModules, "@microsoft", "m365agentsplayground", "cli.js");

    /// <summary>
    /// Starts the Playground with the config file at <paramref name="configPath"/> (written from <paramref name="config"/>
    /// when it does not exist) and waits until it answers on <paramref name="port"/>. The working directory receives
    /// its log folder (devTools/).
    /// </summary>
    public static async Task<PlaygroundService> StartAsync(
        int port,
        Uri botEndpoint,
        PlaygroundConfig config,
        string configPath,
        string workingDirectory,
        Action<string>? output = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        await NodeTools.EnsureInstalledAsync(output, cancellationToken).ConfigureAwait(false);
        if (!File.Exists(configPath))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(configPath))!);
            await File.WriteAllTextAsync(configPath, config.ToYaml(), cancellationToken).ConfigureAwait(false);
        }

        if (FreePort.IsInUse(port))
        {
            throw new PortInUseException(port, "the Agents Playground");
        }

        Directory.CreateDirectory(workingDirectory);

        // The Playground's own port check also fails while a closed connection on the port is in TIME-WAIT (up to
        // 60 s; ports like 56150 lie in the ephemeral range), and it then moves silently. Retry while nothing listens.
        var giveUpAt = DateTime.UtcNow + TimeSpan.FromSeconds(75);
        while (true)
        {
            var service = Launch(port, botEndpoint, config, configPath, workingDirectory, output);
            try
            {
                await service.WaitUntilReadyAsync(service._reportedPort.Task, cancellationToken).ConfigureAwait(false);
                return service;
            }
            catch (PlaygroundMovedException moved)
            {
                await service.DisposeAsync().ConfigureAwait(false);
                if (FreePort.IsInUse(port) || DateTime.UtcNow > giveUpAt)
                {
                    throw new PortInUseException(port, "the Agents Playground",
                        $"The Playground moved to port {moved.ActualPort} instead (another process, or a recently closed connection in TIME-WAIT: wait a minute).");
                }

                output?.Invoke($"Port {port} is still blocked by a recently closed connection (TIME-WAIT); starting the Playground again in 5 s ...");
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await service.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    private static PlaygroundService Launch(int port, Uri botEndpoint, PlaygroundConfig config, string configPath, string workingDirectory, Action<string>? output)
    {
        var reportedPort = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var environment = new Dictionary<string, string?>
        {
            ["TEAMSAPPTESTER_BROWSER"] = "none",
            ["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = Path.GetFullPath(configPath),
        };
        var process = ChildProcess.StartGuarded(
            "playground",
            NodeTools.NodeExecutable,
            [CliPath, "--dt", "-c", "msteams", "-e", botEndpoint.ToString(), "-p", port.ToString(CultureInfo.InvariantCulture)],
            workingDirectory,
            environment,
            line =>
            {
                var match = ListeningLine().Match(line);
                if (match.Success)
                {
                    reportedPort.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
                }

                output?.Invoke(line);
            });
        return new PlaygroundService(port, botEndpoint, configPath, config, process, reportedPort);
    }

    private async Task WaitUntilReadyAsync(Task<int> reportedPort, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        var exited = _process.WaitForExitAsync(timeout.Token);
        var first = await Task.WhenAny(reportedPort, exited, Task.Delay(Timeout.Infinite, timeout.Token)).ConfigureAwait(false);
        if (first == exited && !reportedPort.IsCompleted)
        {
            throw new InvalidOperationException($"The Agents Playground exited during start (exit code {_process.ExitCode}). Last output:\n{string.Join('\n', _process.RecentOutput)}");
        }

        if (!reportedPort.IsCompletedSuccessfully)
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"The Agents Playground did not report its port within {StartTimeout.TotalSeconds:0} s. Last output:\n{string.Join('\n', _process.RecentOutput)}");
        }

        var actual = await reportedPort.ConfigureAwait(false);
        if (actual != Port)
        {
            throw new PlaygroundMovedException(actual);
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            timeout.Token.ThrowIfCancellationRequested();
            try
            {
                var pong = await http.GetStringAsync(new Uri(BaseAddress, "_debug/ping"), timeout.Token).ConfigureAwait(false);
                if (pong.Contains("pong", StringComparison.OrdinalIgnoreCase))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not yet accepting requests.
            }

            await Task.Delay(100, timeout.Token).ConfigureAwait(false);
        }
    }

    public async Task StopAsync() => await _process.StopAsync(TimeSpan.FromSeconds(15)).ConfigureAwait(false);

    public async ValueTask DisposeAsync() => await _process.DisposeAsync().ConfigureAwait(false);

    private sealed class PlaygroundMovedException(int actualPort) : Exception($"The Playground listens on port {actualPort}.")
    {
        public int ActualPort { get; } = actualPort;
    }

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningLine();
}

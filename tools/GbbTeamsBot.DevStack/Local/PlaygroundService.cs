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

    private PlaygroundService(int port, Uri botEndpoint, string configPath, PlaygroundConfig config, ChildProcess process)
    {
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
            output);
        process.LineReceived += line =>
        {
            var match = ListeningLine().Match(line);
            if (match.Success)
            {
                reportedPort.TrySetResult(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        };

        var service = new PlaygroundService(port, botEndpoint, configPath, config, process);
        try
        {
            await service.WaitUntilReadyAsync(reportedPort.Task, cancellationToken).ConfigureAwait(false);
            return service;
        }
        catch
        {
            await service.DisposeAsync().ConfigureAwait(false);
            throw;
        }
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
            throw new PortInUseException(Port, "the Agents Playground", $"It moved to port {actual} instead, so port {Port} was taken after the check.");
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

    [GeneratedRegex(@"Listening on (\d+)")]
    private static partial Regex ListeningLine();
}

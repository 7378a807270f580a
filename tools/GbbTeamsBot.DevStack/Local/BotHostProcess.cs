using System.Globalization;

namespace GbbTeamsBot.DevStack.Local;

/// <summary>
/// The bot host (src/GbbTeamsBot) started from its build output as a real process, in Development with
/// unauthenticated mode for the Playground, against the given Table storage.
/// </summary>
public sealed class BotHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly ChildProcess _process;

    private BotHostProcess(int port, ChildProcess process)
    {
        Port = port;
        _process = process;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://localhost:{Port}/");

    /// <summary>The messaging endpoint on IPv4 loopback (what the Playground posts to).</summary>
    public Uri MessagesEndpoint => new($"http://127.0.0.1:{Port}/api/messages");

    public ChildProcess Process => _process;

    /// <summary>
    /// The host's built GbbTeamsBot.dll in the same configuration as this assembly (Debug or Release), falling back
    /// to the newest build of any configuration. Projects that start the host reference it with
    /// ReferenceOutputAssembly="false", so the build makes sure it exists; the launcher runs <see cref="HostBuild"/>.
    /// </summary>
    public static string FindHostAssembly()
    {
        var bin = Path.Combine(RepoPaths.Root, "src", "GbbTeamsBot", "bin");
        var configuration = HostBuild.Configuration;
        var preferred = Path.Combine(bin, configuration, "net10.0", "GbbTeamsBot.dll");
        if (File.Exists(preferred))
        {
            return preferred;
        }

        var newest = Directory.Exists(bin)
            ? Directory.EnumerateFiles(bin, "GbbTeamsBot.dll", SearchOption.AllDirectories)
                .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}ref{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault()
            : null;
        return newest ?? throw new FileNotFoundException(
            $"The bot host has not been built ({preferred} is missing). Run: dotnet build src/GbbTeamsBot", preferred);
    }

    /// <summary>Starts the host and waits until /healthz answers 200; fails with the host's last output lines otherwise.</summary>
    public static async Task<BotHostProcess> StartAsync(
        int port,
        string storageConnectionString,
        Action<string>? output = null,
        string? hostAssembly = null,
        IReadOnlyDictionary<string, string?>? extraEnvironment = null,
        IReadOnlyList<string>? hostArguments = null,
        CancellationToken cancellationToken = default)
    {
        if (FreePort.IsInUse(port))
        {
            throw new PortInUseException(port, "the bot");
        }

        hostAssembly ??= FindHostAssembly();
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Bot__AllowUnauthenticated"] = "true",
            ["Storage__ConnectionString"] = storageConnectionString,
            ["DOTNET_NOLOGO"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        // Without arguments of the caller's, the port is given as --urls (the caller may pass ASPNETCORE_URLS instead).
        hostArguments ??= ["--urls", $"http://localhost:{port.ToString(CultureInfo.InvariantCulture)}"];
        var process = ChildProcess.StartGuarded(
            "bot",
            "dotnet",
            [hostAssembly, .. hostArguments],
            Path.GetDirectoryName(hostAssembly)!,
            environment,
            output);
        var bot = new BotHostProcess(port, process);
        try
        {
            await bot.WaitUntilHealthyAsync(cancellationToken).ConfigureAwait(false);
            return bot;
        }
        catch
        {
            await bot.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        var lastAnswer = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The bot exited during start (exit code {_process.ExitCode}). Its last output:\n{string.Join('\n', _process.RecentOutput)}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(BaseAddress, "healthz"), cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                lastAnswer = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A single slow answer during start-up.
            }

            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }

        throw new TimeoutException(
            $"The bot did not answer /healthz with 200 within {StartTimeout.TotalSeconds:0} s (last: {lastAnswer}). Its last output:\n{string.Join('\n', _process.RecentOutput)}");
    }

    public async Task StopAsync() => await _process.StopAsync(TimeSpan.FromSeconds(15)).ConfigureAwait(false);

    public async ValueTask DisposeAsync() => await _process.DisposeAsync().ConfigureAwait(false);
}

namespace GbbTeamsBot.DevStack.Local;

/// <summary>
/// Azurite's Table service as a real local process (tools/node/azurite-table.cjs), on loopback.
/// With a data folder it keeps tables across restarts; without one it runs in memory (tests).
/// </summary>
public sealed class AzuriteTableService : IAsyncDisposable
{
    /// <summary>Azurite's well-known development account key (public, documented by Microsoft; not a secret).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    public const string DevelopmentAccountName = "devstoreaccount1";

    private ChildProcess? _process;
    private readonly Action<string>? _output;

    private AzuriteTableService(int port, string? dataFolder, Action<string>? output)
    {
        Port = port;
        DataFolder = dataFolder;
        _output = output;
    }

    public int Port { get; }

    public string? DataFolder { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The running Azurite process (null while stopped).</summary>
    public ChildProcess? Process => _process;

    public Uri TableEndpoint => new($"http://127.0.0.1:{Port}/{DevelopmentAccountName}");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={DevelopmentAccountName};AccountKey={DevelopmentAccountKey};TableEndpoint={TableEndpoint};";

    /// <summary>Starts Azurite on the given port (or a free one) and waits until it accepts connections.</summary>
    public static async Task<AzuriteTableService> StartAsync(int? port = null, string? dataFolder = null, Action<string>? output = null, CancellationToken cancellationToken = default)
    {
        await NodeTools.EnsureInstalledAsync(output, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var service = new AzuriteTableService(port ?? FreePort.Next(), dataFolder, output);
            try
            {
                await service.StartAgainAsync(cancellationToken).ConfigureAwait(false);
                return service;
            }
            catch (PortInUseException) when (port is null && attempt < 5)
            {
                // A free port was taken by a parallel test process before Azurite could bind it: take another one.
            }
        }
    }

    /// <summary>Starts the process again after <see cref="StopAsync"/> (same port, same data folder).</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            return;
        }

        if (FreePort.IsInUse(Port))
        {
            throw new PortInUseException(Port, "Azurite's Table service");
        }

        var arguments = new List<string> { Path.Combine(RepoPaths.Root, "tools", "node", "azurite-table.cjs"), "--host", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--stop-on-stdin-close" };
        if (DataFolder is not null)
        {
            arguments.AddRange(["--location", DataFolder]);
        }

        _process = ChildProcess.Start("azurite", NodeTools.NodeExecutable, arguments, RepoPaths.Root, output: _output);
        if (!await FreePort.WaitUntilListeningAsync(Port, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false))
        {
            await _process.StopAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            throw new InvalidOperationException($"Azurite did not start listening on port {Port} within 30 s. Last output:\n{string.Join('\n', _process.RecentOutput)}");
        }
    }

    /// <summary>Stops gracefully, so the data folder keeps everything written so far.</summary>
    public async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(15)).ConfigureAwait(false);
            _process = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}

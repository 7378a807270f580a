using System.Diagnostics;
using System.Runtime.InteropServices;

namespace GbbTeamsBot.DevStack.Local;

/// <summary>
/// A child process that is stopped politely: SIGINT first (Azurite saves its data only then), the whole process
/// tree killed only when it does not exit within the grace period. Output lines go to the given sink.
/// </summary>
public sealed partial class ChildProcess : IAsyncDisposable
{
    private const int SigInt = 2;
    private readonly Process _process;

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public static ChildProcess Start(
        string name,
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null,
        Action<string>? output = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            psi.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            psi.Environment[key] = value;
        }

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var sink = output ?? (_ => { });
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) sink(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) sink(e.Data); };
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {name} ({fileName}).");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ChildProcess(name, process);
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Asks the process to stop (SIGINT on Unix, closing stdin everywhere) and kills the tree after the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        try
        {
            _process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child may already have closed its end.
        }

        if (!OperatingSystem.IsWindows())
        {
            _ = Kill(_process.Id, SigInt);
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}

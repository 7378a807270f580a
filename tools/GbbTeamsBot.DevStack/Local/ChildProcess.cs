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
    private const int TailLength = 60;
    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private bool _disposed;

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Id => _process.Id;

    public bool HasExited => _disposed || _process.HasExited;

    public int? ExitCode => !_disposed && _process.HasExited ? _process.ExitCode : null;

    /// <summary>The last output lines (stdout and stderr) without stack frames, for error messages when the process fails.</summary>
    public IReadOnlyList<string> RecentOutput
    {
        get
        {
            lock (_tail)
            {
                return [.. _tail];
            }
        }
    }

    /// <summary>
    /// Starts the command through tools/node/guard.cjs, which stops it when this process goes away (even when killed)
    /// and forwards a stop request exactly once. Use it for processes that do not watch their stdin themselves.
    /// </summary>
    public static ChildProcess StartGuarded(
        string name,
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null,
        Action<string>? output = null) =>
        Start(name, NodeTools.NodeExecutable, [RepoPaths.GuardScript, fileName, .. arguments], workingDirectory, environment, output);

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
        var child = new ChildProcess(name, process);
        var sink = output ?? (_ => { });
        process.OutputDataReceived += (_, e) => child.OnLine(e.Data, sink);
        process.ErrorDataReceived += (_, e) => child.OnLine(e.Data, sink);
        try
        {
            if (!process.Start())
            {
                throw new InvalidOperationException($"Could not start {name} ({fileName}).");
            }
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not start {name}: '{fileName}' was not found or is not executable ({ex.Message}).", ex);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Raised for every output line, after it has been stored in <see cref="RecentOutput"/>.</summary>
    public event Action<string>? LineReceived;

    private void OnLine(string? line, Action<string> sink)
    {
        if (line is null)
        {
            return;
        }

        // Stack frames stay out of the tail, so a failure's message line is still there when the trace is long.
        if (!line.TrimStart().StartsWith("at ", StringComparison.Ordinal))
        {
            lock (_tail)
            {
                _tail.Enqueue(line);
                while (_tail.Count > TailLength)
                {
                    _tail.Dequeue();
                }
            }
        }

        sink(line);
        LineReceived?.Invoke(line);
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>Asks the process to stop (SIGINT on Unix, closing stdin everywhere) and kills the tree after the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_disposed || _process.HasExited)
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
        if (_disposed)
        {
            return;
        }

        await StopAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _disposed = true;
        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}

using System.Collections.Concurrent;
using System.Globalization;
using GbbTeamsBot.DevStack.Local;
using Xunit;

namespace GbbTeamsBot.Testing;

/// <summary>
/// The whole local stack as real processes on free ports: Azurite (in memory), the bot host's build output
/// (Development, unauthenticated) and the Agents Playground with the Sozialraum Nord config in a temp folder.
/// Uses the same <see cref="LocalStack"/> as the one-command launcher. The processes' output is written to
/// TestResults/e2e-logs/ when the fixture stops, so failures can be diagnosed.
/// </summary>
public class LocalStackFixture : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _output = new();
    private LocalStack? _stack;

    public LocalStack Stack => _stack ?? throw new InvalidOperationException("The local stack has not been started.");

    public PlaygroundService Playground => Stack.Playground ?? throw new InvalidOperationException("The Playground was not started.");

    public PlaygroundConfig Config => Playground.Config;

    public PlaygroundApi PlaygroundApi { get; private set; } = null!;

    /// <summary>Override to change what is started (e.g. no Playground, extra bot settings).</summary>
    protected virtual LocalStackOptions CreateOptions() => new()
    {
        PlaygroundConfig = PlaygroundConfig.SozialraumNord,
        Output = line => _output.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {line}"),
    };

    /// <summary>All output lines of the three processes so far (for assertions on logs, e.g. no personal data).</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Adds a line to the output (e.g. of a process a derived fixture starts itself).</summary>
    protected void Record(string line) => _output.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {line}");

    public virtual async Task InitializeAsync()
    {
        try
        {
            _stack = await LocalStack.StartAsync(CreateOptions());
        }
        catch
        {
            WriteLog("failed-start");
            throw;
        }

        if (_stack.Playground is not null)
        {
            PlaygroundApi = new PlaygroundApi(_stack.Playground.BaseAddress, _stack.Playground.Config);
        }
    }

    public virtual async Task DisposeAsync()
    {
        PlaygroundApi?.Dispose();
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }

        WriteLog("stack");
    }

    private void WriteLog(string name)
    {
        var path = Path.Combine(TestArtifacts.Folder("e2e-logs"),
            $"{name}-{DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Environment.ProcessId}.log");
        File.WriteAllLines(path, _output);
    }
}

using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace GbbTeamsBot.Infra.Tests;

/// <summary>Skipped where the Bicep CLI from the linux-x64 NuGet package cannot run (the CI and dev machines are Linux x64).</summary>
public sealed class BicepFactAttribute : FactAttribute
{
    public BicepFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            Skip = "The Bicep CLI is restored from Azure.Bicep.CommandLine.linux-x64; this machine is not Linux x64.";
        }
    }
}

/// <summary>
/// infra/main.bicep compiled (bicep build) and linted (bicep lint) once per test run by the real Bicep CLI, offline.
/// </summary>
internal sealed partial class CompiledInfra
{
    private static readonly Lazy<Task<CompiledInfra>> Once = new(CompileAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    private CompiledInfra(BicepRun build, BicepRun lint, JsonObject template)
    {
        Build = build;
        Lint = lint;
        Template = template;
    }

    public BicepRun Build { get; }

    public BicepRun Lint { get; }

    /// <summary>The ARM JSON of main.bicep, modules inlined as nested deployments.</summary>
    public JsonObject Template { get; }

    public static Task<CompiledInfra> GetAsync() => Once.Value;

    private static async Task<CompiledInfra> CompileAsync()
    {
        var main = Repository.PathOf("infra", "main.bicep");
        var output = Path.Combine(Path.GetTempPath(), "gbb-infra-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);
        try
        {
            var armFile = Path.Combine(output, "main.json");
            var build = await BicepRun.RunAsync("build", main, "--outfile", armFile);
            var lint = await BicepRun.RunAsync("lint", main);
            Assert.True(build.ExitCode == 0, "bicep build failed:\n" + build.Output);
            var template = JsonNode.Parse(await File.ReadAllTextAsync(armFile))!.AsObject();
            return new CompiledInfra(build, lint, template);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}

/// <summary>One run of the bicep binary: exit code, stdout and stderr together, and the diagnostics it reported.</summary>
internal sealed partial record BicepRun(int ExitCode, string Output)
{
    /// <summary>Bicep prints each diagnostic as "file(line,col) : Warning code: message" (or Error / Info).</summary>
    public IReadOnlyList<string> Diagnostics => DiagnosticLine().Matches(Output).Select(m => m.Value.Trim()).ToArray();

    public static async Task<BicepRun> RunAsync(params string[] arguments)
    {
        var executable = Repository.BicepExecutable;
        EnsureExecutable(executable);
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish within 5 minutes.");
        }

        return new BicepRun(process.ExitCode, (await stdout) + (await stderr));
    }

    /// <summary>NuGet may unpack the binary without its execute bit.</summary>
    private static void EnsureExecutable(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The Bicep CLI is missing from its NuGet package folder.", path);
        }

        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            var mode = File.GetUnixFileMode(path);
            if (!mode.HasFlag(UnixFileMode.UserExecute))
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute);
            }
        }
    }

    [GeneratedRegex(@"^.*\(\d+,\d+\) : (Warning|Error|Info) .*$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}

using System.Diagnostics;
using System.Reflection;

namespace GbbTeamsBot.DevStack.Local;

/// <summary>Builds the bot host (src/GbbTeamsBot) in this assembly's configuration, so the launcher always starts current code.</summary>
public static class HostBuild
{
    public static string Configuration =>
        typeof(HostBuild).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    public static string ProjectPath => Path.Combine(RepoPaths.Root, "src", "GbbTeamsBot", "GbbTeamsBot.csproj");

    /// <summary>Runs `dotnet build` for the host; throws with the compiler's errors when it fails.</summary>
    public static async Task BuildAsync(Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        log?.Invoke($"Building the bot host ({Configuration}) ...");
        var psi = new ProcessStartInfo("dotnet", ["build", ProjectPath, "-c", Configuration, "--nologo", "-v", "quiet", "-clp:ErrorsOnly"])
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start dotnet build.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            var errors = (await stdout.ConfigureAwait(false) + "\n" + await stderr.ConfigureAwait(false))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct()
                .Take(30);
            throw new InvalidOperationException($"The bot host does not build (dotnet build {Path.GetRelativePath(RepoPaths.Root, ProjectPath)} exited with {process.ExitCode}):\n{string.Join('\n', errors)}");
        }
    }
}

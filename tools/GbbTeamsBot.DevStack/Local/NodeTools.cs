using System.Diagnostics;
using System.Text.Json;

namespace GbbTeamsBot.DevStack.Local;

/// <summary>
/// The pinned npm tools (package.json + package-lock.json): installs them with `npm ci` when node_modules is missing
/// or older than the lockfile, and says clearly when Node.js itself is missing.
/// </summary>
public static class NodeTools
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string NodeExecutable => OperatingSystem.IsWindows() ? "node.exe" : "node";

    public static async Task EnsureInstalledAsync(Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        if (IsInstalled())
        {
            return;
        }

        await InstallLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Test projects run in parallel processes; only one of them may run npm ci.
            await using var machineLock = await CrossProcessLock.AcquireAsync("npm-install", TimeSpan.FromMinutes(10), cancellationToken).ConfigureAwait(false);
            if (IsInstalled())
            {
                return;
            }

            RequireNode();
            log?.Invoke("Installing the pinned npm tools (npm ci) ...");
            var npm = OperatingSystem.IsWindows() ? "npm.cmd" : "npm";
            var psi = new ProcessStartInfo(npm, ["ci", "--no-audit", "--no-fund", "--loglevel=error"])
            {
                WorkingDirectory = RepoPaths.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["NPM_CONFIG_UPDATE_NOTIFIER"] = "false" },
            };
            using var process = StartNpm(psi);
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                var lines = ((await stdout.ConfigureAwait(false)) + "\n" + (await stderr.ConfigureAwait(false)))
                    .Split('\n', StringSplitOptions.RemoveEmptyEntries)
                    .Where(l => !l.StartsWith("npm warn", StringComparison.Ordinal))
                    .TakeLast(25);
                throw new InvalidOperationException(
                    $"npm ci failed with exit code {process.ExitCode} (check the network or your npm registry settings; run `npm ci` in {RepoPaths.Root} to see everything):\n{string.Join('\n', lines)}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }

    private static Process StartNpm(ProcessStartInfo psi)
    {
        try
        {
            return Process.Start(psi) ?? throw new InvalidOperationException("Could not start npm.");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("npm was not found on PATH. It comes with Node.js 20+ (https://nodejs.org); install it and try again.");
        }
    }

    /// <summary>True when every package that package.json names is in node_modules and npm wrote its marker after the lockfile changed.</summary>
    private static bool IsInstalled()
    {
        var marker = Path.Combine(RepoPaths.NodeModules, ".package-lock.json");
        var lockFile = Path.Combine(RepoPaths.Root, "package-lock.json");
        return File.Exists(marker) && File.GetLastWriteTimeUtc(marker) >= File.GetLastWriteTimeUtc(lockFile)
            && PinnedPackages().All(package => File.Exists(Path.Combine(RepoPaths.NodeModules, package, "package.json")));
    }

    private static IEnumerable<string> PinnedPackages()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "package.json")));
        return manifest.RootElement.GetProperty("devDependencies").EnumerateObject().Select(p => p.Name).ToList();
    }

    public static void RequireNode()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(NodeExecutable, "--version") { RedirectStandardOutput = true })
                ?? throw new InvalidOperationException();
            var version = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            if (!Version.TryParse(version.TrimStart('v'), out var parsed) || parsed.Major < 20)
            {
                throw new InvalidOperationException($"Node.js 20 or newer is required, found {version}. Install it from https://nodejs.org.");
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("Node.js (20 or newer) was not found on PATH. Install it from https://nodejs.org and try again.");
        }
    }
}

using System.Diagnostics;

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
            await using var machineLock = await AcquireInstallFileLockAsync(cancellationToken).ConfigureAwait(false);
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
            };
            using var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start npm.");
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

    private static bool IsInstalled()
    {
        var marker = Path.Combine(RepoPaths.NodeModules, ".package-lock.json");
        var lockFile = Path.Combine(RepoPaths.Root, "package-lock.json");
        return File.Exists(marker) && File.GetLastWriteTimeUtc(marker) >= File.GetLastWriteTimeUtc(lockFile)
            && File.Exists(Path.Combine(RepoPaths.NodeModules, "azurite", "package.json"))
            && File.Exists(Path.Combine(RepoPaths.NodeModules, "@microsoft", "m365agentsplayground", "cli.js"));
    }

    private static async Task<FileStream> AcquireInstallFileLockAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(RepoPaths.LocalData);
        var path = Path.Combine(RepoPaths.LocalData, "npm-install.lock");
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500, cancellationToken).ConfigureAwait(false);
            }
        }
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

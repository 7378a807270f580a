using System.Text.Json;
using GbbTeamsBot.DevStack.Local;

namespace GbbTeamsBot.Testing;

/// <summary>
/// Headless Chromium for the browser tests (driven by Playwright, which never downloads a browser here). The executable is,
/// in this order: <c>GBB_CHROMIUM_PATH</c>, an installed Chromium/Chrome/Edge, else the Chromium that the pinned npm
/// package @sparticuz/chromium ships inside itself (Linux x64), unpacked once into .local/chromium/&lt;version&gt;.
/// </summary>
public static class HeadlessChromium
{
    public const string EnvironmentVariable = "GBB_CHROMIUM_PATH";

    private const string NpmPackage = "@sparticuz/chromium";

    private static readonly string[] InstalledPaths =
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
        "/usr/bin/google-chrome-stable",
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
        @"C:\Program Files\Google\Chrome\Application\chrome.exe",
        @"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
        @"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
    ];

    /// <summary>Command-line switches for every test browser: no sandbox (root in CI), no background connections.</summary>
    public static IReadOnlyList<string> Arguments { get; } =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ];

    private static readonly Lazy<Task<string>> Executable = new(LocateAsync);

    /// <summary>The executable the tests use (found or unpacked once per process).</summary>
    public static Task<string> ExecutablePathAsync() => Executable.Value;

    private static async Task<string> LocateAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return IsExecutableFile(configured)
                ? configured
                : throw new FileNotFoundException($"{EnvironmentVariable} points to '{configured}', which is not an executable file.");
        }

        return InstalledPaths.FirstOrDefault(IsExecutableFile) ?? await UnpackFromNpmPackageAsync();
    }

    private static async Task<string> UnpackFromNpmPackageAsync()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
        {
            throw new FileNotFoundException(
                $"No Chromium found for the browser tests, and the npm package {NpmPackage} only ships one for Linux x64. " +
                $"Install Chrome, Chromium or Edge, or set {EnvironmentVariable} to its executable.");
        }

        await NodeTools.EnsureInstalledAsync();
        var folder = Path.Combine(RepoPaths.LocalData, "chromium", PackageVersion());
        var executable = Path.Combine(folder, "chromium");
        if (IsExecutableFile(executable))
        {
            return executable;
        }

        // Parallel test processes unpack once; a half-unpacked folder is never taken for a browser.
        await using var unpackLock = await CrossProcessLock.AcquireAsync("chromium-unpack", TimeSpan.FromMinutes(5));
        if (IsExecutableFile(executable))
        {
            return executable;
        }

        var staging = folder + ".partial";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }

        Directory.CreateDirectory(staging);
        var unpacked = NodeScripts.Run(
            Path.Combine(RepoPaths.Root, "tools", "node", "chromium-path.mjs"),
            TimeSpan.FromMinutes(3),
            new Dictionary<string, string> { ["TMPDIR"] = staging }).Trim();
        if (!IsExecutableFile(unpacked) || Path.GetDirectoryName(Path.GetFullPath(unpacked)) != Path.GetFullPath(staging))
        {
            throw new InvalidOperationException($"{NpmPackage} unpacked its Chromium to '{unpacked}', expected it in {staging}.");
        }

        Directory.Move(staging, folder);
        return executable;
    }

    private static string PackageVersion()
    {
        var manifest = Path.Combine(RepoPaths.NodeModules, NpmPackage, "package.json");
        using var json = JsonDocument.Parse(File.ReadAllText(manifest));
        return json.RootElement.GetProperty("version").GetString()
            ?? throw new InvalidOperationException($"{manifest} has no version.");
    }

    /// <summary>A regular file with an execute bit: a browser hidden by a bind-mounted /dev/null does not count.</summary>
    private static bool IsExecutableFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        var info = new FileInfo(path);
        var target = info.LinkTarget is null ? info : info.ResolveLinkTarget(returnFinalTarget: true) as FileInfo;
        return target is { Exists: true, Length: > 0 }
            && (target.UnixFileMode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
    }
}

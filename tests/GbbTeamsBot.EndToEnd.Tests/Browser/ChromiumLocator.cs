namespace GbbTeamsBot.EndToEnd.Tests.Browser;

/// <summary>
/// Finds an installed Chromium/Chrome: GBB_CHROMIUM_PATH first, then Debian's /usr/bin/chromium and the usual places.
/// Playwright never downloads a browser here; without one the tests fail with instructions.
/// </summary>
public static class ChromiumLocator
{
    public const string EnvironmentVariable = "GBB_CHROMIUM_PATH";

    private static readonly string[] KnownPaths =
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

    public static string Find()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new FileNotFoundException($"{EnvironmentVariable} points to '{configured}', which does not exist.");
        }

        return KnownPaths.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException(
            "No Chromium found for the end-to-end tests. On Debian/Ubuntu: sudo apt-get install -y chromium. " +
            $"Elsewhere install Chrome/Chromium/Edge and set {EnvironmentVariable} to its executable.");
    }
}

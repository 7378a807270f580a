using GbbTeamsBot.DevStack.Local;
using GbbTeamsBot.Testing;
using Microsoft.Playwright;

namespace GbbTeamsBot.EndToEnd.Tests.Browser;

/// <summary>
/// Headless Chromium through Playwright (see <see cref="HeadlessChromium"/>). Every page gets a new browser
/// context, i.e. a fresh profile: the Playground keeps chat history in the browser only.
/// </summary>
public sealed class PlaygroundBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private PlaygroundBrowser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<PlaygroundBrowser> LaunchAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = await HeadlessChromium.ExecutablePathAsync(),
                Headless = true,
                Args = HeadlessChromium.Arguments,
            });
            return new PlaygroundBrowser(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens the Playground UI in a fresh context (browser language <paramref name="locale"/>) and waits until its chat
    /// list is shown.
    /// </summary>
    public async Task<PlaygroundPage> OpenAsync(Uri playgroundAddress, PlaygroundConfig config, PlaygroundApi api, string locale = "de-DE")
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1400, Height = 900 },
            Locale = locale,
        });
        var page = await context.NewPageAsync();
        // Generous: the test command runs every test project at once on two cores, and the Playground then needed up to
        // 19 s between a click and its invoke.
        page.SetDefaultTimeout(45_000);
        await page.GotoAsync(playgroundAddress.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        var playgroundPage = new PlaygroundPage(page, config, api);
        await playgroundPage.WaitUntilLoadedAsync();
        return playgroundPage;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

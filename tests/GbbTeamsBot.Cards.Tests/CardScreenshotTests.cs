using GbbTeamsBot.Cards.Tests.Samples;
using GbbTeamsBot.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GbbTeamsBot.Cards.Tests;

/// <summary>
/// Renders the sample cards with the adaptivecards HTML renderer in headless Chromium and saves screenshots
/// under the test output's artifacts/cards folder, for people to look at. Fails when a card renders empty
/// or the page reports a script error.
/// </summary>
public sealed class CardScreenshotTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Screenshots")]
    public async Task Sample_cards_render_in_Chromium_and_are_saved_as_screenshots()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "artifacts", "cards");
        Directory.CreateDirectory(folder);
        var hostConfig = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Validation", "teams-hostconfig.json"));

        using var playwright = await Playwright.CreateAsync();
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = await HeadlessChromium.ExecutablePathAsync(),
            Headless = true,
            Args = HeadlessChromium.Arguments,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 700, Height = 900 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.SetContentAsync(await RenderPageHtml());

        // One picture per screen variant worth looking at; oversized samples and most result codes are left out.
        string[] skipped = ["/huge", "/adviser-ClarifyingQuestion/", "/adviser-FocusQuestion/", "/adviser-Note/", "/adviser-ProjectInput/", "/adviser-Idea/"];
        var samples = SampleCards.All
            .Where(s => !skipped.Any(part => s.Name.Contains(part, StringComparison.Ordinal)))
            .Where(s => !s.Name.StartsWith("ActionResultCard.Build/", StringComparison.Ordinal)
                || s.Name.Contains("/Saved/", StringComparison.Ordinal) || s.Name.Contains("/StaleCard/", StringComparison.Ordinal))
            .ToArray();
        foreach (var sample in samples)
        {
            var height = await page.EvaluateAsync<double>(
                "([card, hostConfig]) => window.renderCard(card, hostConfig)",
                new[] { sample.Card.ToJsonString(), hostConfig });
            Assert.True(height > 20, $"{sample.Name} rendered {height}px high.");
            var file = Path.Combine(folder, sample.Name.Replace('/', '_') + ".png");
            await page.Locator("#card").ScreenshotAsync(new LocatorScreenshotOptions { Path = file });
        }

        Assert.Empty(errors);
        output.WriteLine($"{samples.Length} screenshots in {folder}");
    }

    private static async Task<string> RenderPageHtml()
    {
        var dist = Path.Combine(NodeScripts.RequirePackages("adaptivecards"), "adaptivecards", "dist");
        var script = await File.ReadAllTextAsync(Path.Combine(dist, "adaptivecards.min.js"));
        var css = await File.ReadAllTextAsync(Path.Combine(dist, "adaptivecards.css"));
        return $$"""
            <!DOCTYPE html>
            <html><head><meta charset="utf-8">
            <style>{{css}}
            body { margin: 0; padding: 16px; background: #f5f5f5; font-family: 'Segoe UI', Tahoma, sans-serif; }
            #card { width: 600px; background: #fff; border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,.2); overflow: hidden; }
            </style>
            <script>{{script}}</script>
            <script>
            window.renderCard = (card, hostConfig) => {
              const ac = new AdaptiveCards.AdaptiveCard();
              ac.hostConfig = new AdaptiveCards.HostConfig(JSON.parse(hostConfig));
              ac.parse(JSON.parse(card));
              const host = document.getElementById("card");
              host.replaceChildren(ac.render());
              return host.getBoundingClientRect().height;
            };
            </script></head>
            <body><div id="card"></div></body></html>
            """;
    }
}

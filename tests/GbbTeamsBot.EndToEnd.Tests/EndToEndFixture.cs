using GbbTeamsBot.EndToEnd.Tests.Browser;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.EndToEnd.Tests;

/// <summary>One local stack and one headless Chromium for all end-to-end tests (they run one after another).</summary>
public sealed class EndToEndFixture : LocalStackFixture
{
    private PlaygroundBrowser? _browser;

    public PlaygroundBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been launched.");

    /// <summary>Opens the Playground in a fresh browser context.</summary>
    public Task<PlaygroundPage> OpenPlaygroundAsync() => Browser.OpenAsync(Playground.BaseAddress, Config, PlaygroundApi);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _browser = await PlaygroundBrowser.LaunchAsync();
        await WarmUpAsync();
    }

    /// <summary>
    /// The first page load installs the bot in every chat, and the bot welcomes each chat once with a card. Let that
    /// happen before the tests, so a late welcome card is never mistaken for the answer a test waits for.
    /// </summary>
    private async Task WarmUpAsync()
    {
        var page = await OpenPlaygroundAsync();
        await page.SelectChatAsync(PlaygroundChat.Personal);
        try
        {
            await page.Page.Locator(".ac-adaptiveCard").First.WaitForAsync(new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            // A bot without a welcome card is fine too.
        }

        await Task.Delay(1000);
        await page.Page.Context.CloseAsync();
    }

    public override async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndFixture>
{
    public const string Name = "End-to-end (local stack + Chromium)";
}

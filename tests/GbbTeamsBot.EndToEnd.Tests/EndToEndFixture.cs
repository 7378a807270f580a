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

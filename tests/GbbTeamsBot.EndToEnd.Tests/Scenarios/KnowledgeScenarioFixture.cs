using GbbTeamsBot.DevStack.Local;
using GbbTeamsBot.EndToEnd.Tests.Browser;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.EndToEnd.Tests.Scenarios;

/// <summary>
/// A local stack and a browser for the Sozialraumwissen scenario, whose bot host can be restarted on the same port with
/// its session clock shifted (Development-only Teams:DevClockOffset): the Playground and Azurite keep running, so the
/// next Sozialraum-Runde is held "on another day" against the same stored team, as after a night.
/// </summary>
public sealed class KnowledgeScenarioFixture : LocalStackFixture
{
    private PlaygroundBrowser? _browser;
    private BotHostProcess? _restarted;

    public PlaygroundBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been launched.");

    public Task<PlaygroundPage> OpenPlaygroundAsync(string locale = "de-DE") => Browser.OpenAsync(Playground.BaseAddress, Config, PlaygroundApi, locale);

    /// <summary>Stops the bot host and starts it again on its port with the clock <paramref name="offset"/> ahead.</summary>
    public async Task RestartBotWithClockOffsetAsync(TimeSpan offset)
    {
        var current = _restarted ?? Stack.Bot;
        var port = current.Port;
        await current.StopAsync();
        var environment = new Dictionary<string, string?> { ["Teams__DevClockOffset"] = offset.ToString("c", System.Globalization.CultureInfo.InvariantCulture) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                var started = await BotHostProcess.StartAsync(port, Stack.Azurite.ConnectionString, line => Record("[bot2] " + line), extraEnvironment: environment);
                if (_restarted is not null)
                {
                    await _restarted.DisposeAsync();
                }

                _restarted = started;
                return;
            }
            catch (PortInUseException) when (DateTime.UtcNow < deadline)
            {
                // The old process's socket is still closing.
                await Task.Delay(500);
            }
        }
    }

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

        if (_restarted is not null)
        {
            await _restarted.DisposeAsync();
        }

        await base.DisposeAsync();
    }
}

/// <summary>Runs alone: it restarts the bot host, which the other end-to-end tests must not see.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KnowledgeScenarioCollection : ICollectionFixture<KnowledgeScenarioFixture>
{
    public const string Name = "End-to-end Sozialraumwissen (bot restarts)";
}

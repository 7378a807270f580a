namespace GbbTeamsBot.DevStack.Local;

/// <summary>What to start and where. Ports left empty get a free one (tests); the launcher passes fixed ports.</summary>
public sealed record LocalStackOptions
{
    public int? AzuritePort { get; init; }

    /// <summary>Folder that keeps Azurite's tables between runs; null keeps them in memory.</summary>
    public string? AzuriteDataFolder { get; init; }

    public int? BotPort { get; init; }

    public int? PlaygroundPort { get; init; }

    public PlaygroundConfig PlaygroundConfig { get; init; } = PlaygroundConfig.SozialraumNord;

    /// <summary>The Playground config file; written from <see cref="PlaygroundConfig"/> when it does not exist.</summary>
    public string? PlaygroundConfigPath { get; init; }

    /// <summary>Working directory of the Playground (it writes devTools/ there). Default: a new temp folder.</summary>
    public string? PlaygroundWorkingDirectory { get; init; }

    public bool StartPlayground { get; init; } = true;

    /// <summary>Receives every output line of the three processes, prefixed with their name.</summary>
    public Action<string>? Output { get; init; }

    /// <summary>Extra environment for the bot host (e.g. test settings).</summary>
    public IReadOnlyDictionary<string, string?>? BotEnvironment { get; init; }
}

/// <summary>
/// Azurite's Table service, the bot host and the Agents Playground, started in that order and stopped together.
/// The one-command launcher and the end-to-end test fixture both use this class.
/// </summary>
public sealed class LocalStack : IAsyncDisposable
{
    private LocalStack(AzuriteTableService azurite, BotHostProcess bot, PlaygroundService? playground)
    {
        Azurite = azurite;
        Bot = bot;
        Playground = playground;
    }

    public AzuriteTableService Azurite { get; }

    public BotHostProcess Bot { get; }

    public PlaygroundService? Playground { get; }

    public static async Task<LocalStack> StartAsync(LocalStackOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var output = options.Output;
        Action<string>? Prefixed(string name) => output is null ? null : line => output($"[{name}] {line}");

        await NodeTools.EnsureInstalledAsync(output, cancellationToken).ConfigureAwait(false);
        AzuriteTableService? azurite = null;
        BotHostProcess? bot = null;
        try
        {
            azurite = await AzuriteTableService.StartAsync(options.AzuritePort, options.AzuriteDataFolder, Prefixed("azurite"), cancellationToken).ConfigureAwait(false);
            bot = await BotHostProcess.StartAsync(
                options.BotPort ?? FreePort.Next(), azurite.ConnectionString, Prefixed("bot"), extraEnvironment: options.BotEnvironment, cancellationToken: cancellationToken).ConfigureAwait(false);

            PlaygroundService? playground = null;
            if (options.StartPlayground)
            {
                var workingDirectory = options.PlaygroundWorkingDirectory ?? Directory.CreateTempSubdirectory("gbb-playground-").FullName;
                var configPath = options.PlaygroundConfigPath ?? Path.Combine(workingDirectory, PlaygroundConfig.FileName);
                playground = await PlaygroundService.StartAsync(
                    options.PlaygroundPort ?? FreePort.Next(), bot.MessagesEndpoint, options.PlaygroundConfig, configPath, workingDirectory, Prefixed("playground"), cancellationToken).ConfigureAwait(false);
            }

            return new LocalStack(azurite, bot, playground);
        }
        catch
        {
            if (bot is not null)
            {
                await bot.DisposeAsync().ConfigureAwait(false);
            }

            if (azurite is not null)
            {
                await azurite.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>Stops the Playground and the bot, then Azurite (gracefully, so its data is saved).</summary>
    public async Task StopAsync()
    {
        await Task.WhenAll(
            Playground?.StopAsync() ?? Task.CompletedTask,
            Bot.StopAsync()).ConfigureAwait(false);
        await Azurite.StopAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (Playground is not null)
        {
            await Playground.DisposeAsync().ConfigureAwait(false);
        }

        await Bot.DisposeAsync().ConfigureAwait(false);
        await Azurite.DisposeAsync().ConfigureAwait(false);
    }
}

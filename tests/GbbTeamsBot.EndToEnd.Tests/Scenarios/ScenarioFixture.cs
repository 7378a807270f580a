using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GbbTeamsBot.Cards;
using GbbTeamsBot.DevStack.Local;
using GbbTeamsBot.EndToEnd.Tests.Browser;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.EndToEnd.Tests.Scenarios;

/// <summary>
/// A local stack whose session clock runs <see cref="ClockSpeed"/> times faster (Development-only
/// Teams:DevClockSpeed), so a phase runs out within seconds, plus one headless Chromium.
/// </summary>
public sealed class ScenarioFixture : LocalStackFixture
{
    public const double ClockSpeed = 30;

    private PlaygroundBrowser? _browser;

    public PlaygroundBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not been launched.");

    public Task<PlaygroundPage> OpenPlaygroundAsync(string locale = "de-DE") => Browser.OpenAsync(Playground.BaseAddress, Config, PlaygroundApi, locale);

    protected override LocalStackOptions CreateOptions() => base.CreateOptions() with
    {
        BotEnvironment = new Dictionary<string, string?> { ["Teams__DevClockSpeed"] = ClockSpeed.ToString(System.Globalization.CultureInfo.InvariantCulture) },
    };

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

/// <summary>Runs alone: its own stack and browser, and a fast clock the other end-to-end tests must not see.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScenarioCollection : ICollectionFixture<ScenarioFixture>
{
    public const string Name = "End-to-end scenarios (fast clock)";
}

/// <summary>
/// The continuity scenario on a stack of its own: it runs the case "Ahorn-07" twice and leaves two protocols awaiting
/// confirmation and a team list of agreements, which must not meet the other scenarios' cards and cases.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ContinuityScenarioCollection : ICollectionFixture<ScenarioFixture>
{
    public const string Name = "End-to-end continuity scenario (fast clock, own stack)";
}

/// <summary>
/// Card actions as other people press them: Action.Execute invokes posted through the Playground's custom-activity
/// API as any configured user (the Playground UI acts only as the current user). The bot updates the shared card
/// with a PUT, which the page shows.
/// </summary>
public sealed class CardActor(PlaygroundApi api, PlaygroundChat chat)
{
    private readonly HttpClient _http = new() { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    public static CardTexts German => CardTexts.German;

    /// <summary>The id of the message holding the session's card; the Playground's invoke API needs an existing message.</summary>
    public string CardMessageId { get; set; } = "0";

    /// <summary>An invoke for <paramref name="verb"/> with <paramref name="data"/> (sessionId etc.) from <paramref name="user"/>.</summary>
    public async Task InvokeAsUserAsync(PlaygroundUser user, string verb, string sessionId, JsonObject? inputs = null, int expectedVersion = 0)
    {
        var activity = api.MessageFrom(user, chat, string.Empty, mentionBot: false);
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity.Remove("text");
        activity.Remove("textFormat");
        activity["replyToId"] = "0";
        var data = new JsonObject
        {
            ["verb"] = verb,
            ["requestId"] = Guid.NewGuid().ToString("N"),
            ["sessionId"] = sessionId,
            ["expectedVersion"] = expectedVersion,
        };
        foreach (var (key, value) in inputs ?? [])
        {
            data[key] = value?.DeepClone();
        }

        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
            ["trigger"] = "manual",
        };
        await api.SendCustomActivityAsync(activity);
    }

    /// <summary>An invoke as the current user through the Playground's own invoke API; returns the card the bot answered with.</summary>
    public async Task<JsonObject> InvokeAsCurrentUserAsync(string verb, string sessionId, JsonObject? inputs = null, int expectedVersion = 0)
    {
        var data = new JsonObject
        {
            ["verb"] = verb,
            ["requestId"] = Guid.NewGuid().ToString("N"),
            ["sessionId"] = sessionId,
            ["expectedVersion"] = expectedVersion,
        };
        foreach (var (key, value) in inputs ?? [])
        {
            data[key] = value?.DeepClone();
        }

        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" },
            ["from"] = new JsonObject { ["id"] = api.Config.CurrentUser.Id },
            ["conversation"] = new JsonObject { ["id"] = api.ConversationId(chat) },
            ["replyToId"] = CardMessageId,
        };
        using var response = await _http.PostAsJsonAsync("_conversation/v1/invoke", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        var node = JsonNode.Parse(text)!;
        return (node["value"] ?? node["body"]?["value"] ?? node).AsObject();
    }

    /// <summary>The session's current version, read from the current user's own view of it.</summary>
    public async Task<int> CurrentVersionAsync(string sessionId)
    {
        var card = await InvokeAsCurrentUserAsync(CardVerbs.ViewShow, sessionId, new JsonObject { ["view"] = CardViews.Live });
        return VersionOf(card);
    }

    public static int VersionOf(JsonNode card)
    {
        var max = -1;
        var stack = new Stack<JsonNode>([card]);
        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case JsonObject obj:
                    if (obj["expectedVersion"] is JsonValue v && v.TryGetValue<int>(out var version))
                    {
                        max = Math.Max(max, version);
                    }

                    foreach (var (_, child) in obj)
                    {
                        if (child is not null)
                        {
                            stack.Push(child);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        if (child is not null)
                        {
                            stack.Push(child);
                        }
                    }

                    break;
            }
        }

        return max;
    }
}

/// <summary>
/// The participation scenario on a stack of its own: its Helferkonferenz stays running at the agreements (with the fast
/// clock its cards keep changing), which must not re-render the other scenarios' cards while they fill them in.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ParticipationScenarioCollection : ICollectionFixture<ScenarioFixture>
{
    public const string Name = "End-to-end participation scenario (fast clock, own stack)";
}

/// <summary>The Kollegiale Beratung scenario (German and English) on a stack of its own: no other scenario's card changes while it fills in its setup card.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class KollegialeBeratungScenarioCollection : ICollectionFixture<ScenarioFixture>
{
    public const string Name = "End-to-end Kollegiale Beratung scenario (fast clock, own stack)";
}

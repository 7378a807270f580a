using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using GbbTeamsBot.Application;
using GbbTeamsBot.Application.Deadlines;
using GbbTeamsBot.Bot;
using GbbTeamsBot.TestServers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace GbbTeamsBot.Tests.Teams;

/// <summary>
/// The real app against a real Azurite (own table prefix per host), real JWTs from a local OpenID server and the fake
/// connector on loopback. The clock runs in real time plus a jump offset, so deadlines can be made due; the durable
/// scanner is off and tests run it once with <see cref="FireDueDeadlinesAsync"/>.
/// </summary>
public sealed class TeamsHost : IAsyncDisposable
{
    public const string BotId = "28:" + OpenIdTestServer.AppId;
    public const string Tenant = "tenant-1";
    public const string TeamId = "19:team@thread.tacv2";
    public const string ChannelConversation = "19:beratung@thread.tacv2;messageid=1712345678901";
    public const string GroupChat = "19:groupchat@thread.v2";
    public const string MeetingChat = "19:meeting_abc@thread.v2";
    public const string MeetingId = "MCMeetingAbc123";

    private readonly HttpClient _client;

    private TeamsHost(OpenIdTestServer keys, FakeConnector connector, WebApplicationFactory<Program> factory, JumpClock clock, ConcurrentQueue<string> logs)
    {
        Logs = logs;
        Keys = keys;
        Connector = connector;
        Factory = factory;
        Clock = clock;
        _client = factory.CreateClient();
    }

    public OpenIdTestServer Keys { get; }

    public FakeConnector Connector { get; }

    public WebApplicationFactory<Program> Factory { get; }

    public JumpClock Clock { get; }

    /// <summary>Every rendered log line (Information and above) as "Level: message | exception".</summary>
    public ConcurrentQueue<string> Logs { get; }

    public HttpClient Client => _client;

    /// <summary>
    /// Starts a host; give two hosts the same <paramref name="tablePrefix"/> to run them as two instances of one
    /// deployment, and <paramref name="configureServices"/> to add test services (e.g. storage faults).
    /// </summary>
    public static async Task<TeamsHost> StartAsync(
        string storageConnectionString,
        string? tablePrefix = null,
        Action<IServiceCollection>? configureServices = null,
        IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var keys = await OpenIdTestServer.StartAsync();
        var connector = await FakeConnector.StartAsync();
        // The roster's members belong to the activities' tenant, as in Teams; guests are added per test.
        connector.MemberTenantId = Tenant;
        var clock = new JumpClock();
        var credential = new TestTokenCredential();
        var prefix = tablePrefix ?? "T" + Guid.NewGuid().ToString("N")[..10];
        var settings = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = OpenIdTestServer.AppId,
            ["Bot:Auth:BotFrameworkMetadataUrl"] = keys.BotFrameworkMetadataUrl.ToString(),
            ["Bot:Auth:EntraMetadataUrl"] = keys.EntraMetadataUrl.ToString(),
            ["Bot:Auth:AllowedCallers:0"] = OpenIdTestServer.BotServiceCaller,
            ["Storage:ConnectionString"] = storageConnectionString,
            ["Storage:TablePrefix"] = prefix,
            ["Engine:DeadlineScannerEnabled"] = "false",
            ["Teams:PublicBaseUrl"] = "https://gbb.example.org/",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var logs = new ConcurrentQueue<string>();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.ConfigureLogging(logging => logging.AddProvider(new GbbTeamsBot.Tests.Messages.LevelCapturingLoggerProvider(() => logs)));
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TokenCredential>(credential);
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(clock);
                configureServices?.Invoke(services);
            });
        });
        return new TeamsHost(keys, connector, factory, clock, logs);
    }

    public T Service<T>()
        where T : notnull => Factory.Services.GetRequiredService<T>();

    /// <summary>
    /// Runs the deadline scanner once at the (jumped) clock and waits until what it fired was handed to the Teams layer
    /// (notifications are delivered in the background); returns how many deadlines fired.
    /// </summary>
    public async Task<int> FireDueDeadlinesAsync()
    {
        var fired = (await Service<DeadlineScanner>().ScanOnceAsync(CancellationToken.None)).Fired;
        var queue = Service<NotificationDispatcher>();
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (queue.Pending > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(5);
        }

        return fired;
    }

    public async Task<HttpResponseMessage> PostAsync(JsonObject activity)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, BotEndpoints.MessagesPath)
        {
            Content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Keys.CreateToken(new TestToken { ServiceUrl = Connector.ServiceUrl }));
        return await _client.SendAsync(request);
    }

    /// <summary>Posts an invoke and returns the card of its answer (or throws with the body when it is none).</summary>
    public async Task<JsonObject> InvokeAsync(JsonObject activity)
    {
        using var response = await PostAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var node = JsonNode.Parse(body)!.AsObject();
        Assert.Equal("application/vnd.microsoft.card.adaptive", node["type"]!.GetValue<string>());
        return node["value"]!.AsObject();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await Factory.DisposeAsync();
        await Connector.DisposeAsync();
        await Keys.DisposeAsync();
    }
}

/// <summary>Real time plus a forward jump; timers keep running in real time.</summary>
public sealed class JumpClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Jump(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}

/// <summary>Someone in a conversation: builds the activities Teams would send for them.</summary>
public sealed record TeamsUser(string Id, string Name)
{
    public static TeamsUser Anna { get; } = new("29:a", "Person 1");
    public static TeamsUser Ben { get; } = new("29:b", "Person 2");
    public static TeamsUser Carla { get; } = new("29:c", "Person 3");
}

/// <summary>Where activities come from: a team channel thread, a group chat or a meeting chat.</summary>
public sealed record Place(string ConversationId, string ConversationType, string? TeamId, string? MeetingId)
{
    public static Place Channel { get; } = new(TeamsHost.ChannelConversation, "channel", TeamsHost.TeamId, null);
    public static Place Group { get; } = new(TeamsHost.GroupChat, "groupChat", null, null);
    public static Place Meeting { get; } = new(TeamsHost.MeetingChat, "groupChat", null, TeamsHost.MeetingId);
}

public static class Activities
{
    public static JsonObject Envelope(TeamsHost host, TeamsUser user, Place place, string type, string locale = "de-DE")
    {
        var channelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TeamsHost.Tenant } };
        if (place.TeamId is not null)
        {
            channelData["team"] = new JsonObject { ["id"] = place.TeamId, ["name"] = "Team Jobcenter Nord" };
            channelData["channel"] = new JsonObject { ["id"] = "19:beratung@thread.tacv2" };
        }

        if (place.MeetingId is not null)
        {
            channelData["meeting"] = new JsonObject { ["id"] = place.MeetingId };
        }

        return new JsonObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = host.Connector.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name },
            ["conversation"] = new JsonObject { ["id"] = place.ConversationId, ["conversationType"] = place.ConversationType, ["isGroup"] = true, ["tenantId"] = TeamsHost.Tenant },
            ["recipient"] = new JsonObject { ["id"] = TeamsHost.BotId, ["name"] = "GBB Bot" },
            ["locale"] = locale,
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = locale, ["timezone"] = "Europe/Berlin" }),
            ["channelData"] = channelData,
        };
    }

    public static JsonObject Message(TeamsHost host, TeamsUser user, Place place, string text, string locale = "de-DE")
    {
        var activity = Envelope(host, user, place, "message", locale);
        activity["text"] = "<at>GBB Bot</at> " + text;
        activity["textFormat"] = "plain";
        return activity;
    }

    /// <summary>An Action.Execute click: the card's data with the inputs merged in, replying to the card's message.</summary>
    public static JsonObject Invoke(TeamsHost host, TeamsUser user, Place place, JsonObject data, string replyToId, JsonObject? inputs = null, string locale = "de-DE")
    {
        var merged = (JsonObject)data.DeepClone();
        foreach (var (key, value) in inputs ?? [])
        {
            merged[key] = value?.DeepClone();
        }

        var activity = Envelope(host, user, place, "invoke", locale);
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = replyToId;
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = merged["verb"]!.GetValue<string>(), ["data"] = merged },
            ["trigger"] = "manual",
        };
        return activity;
    }

    public static JsonObject MeetingStart(TeamsHost host, Place place)
    {
        var activity = Envelope(host, TeamsUser.Anna, place, "event");
        activity["name"] = "application/vnd.microsoft.meetingStart";
        activity["value"] = new JsonObject { ["Id"] = place.MeetingId, ["MeetingType"] = "Scheduled", ["Title"] = "Wochenteam", ["StartTime"] = DateTimeOffset.UtcNow.ToString("O") };
        return activity;
    }
}

/// <summary>Reading cards: find an action by verb, its data, all texts.</summary>
public static class CardJson
{
    public static IEnumerable<JsonObject> Actions(JsonNode card)
    {
        var stack = new Stack<JsonNode>([card]);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node is JsonObject obj)
            {
                if (obj["type"]?.GetValue<string>() == "Action.Execute")
                {
                    yield return obj;
                }

                foreach (var (key, child) in obj)
                {
                    if (child is not null && key != "fallback")
                    {
                        stack.Push(child);
                    }
                }
            }
            else if (node is JsonArray array)
            {
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        stack.Push(child);
                    }
                }
            }
        }
    }

    /// <summary>The data of the first Action.Execute with this verb (optionally with a matching data field).</summary>
    public static JsonObject? Data(JsonNode card, string verb, string? key = null, string? value = null) =>
        Actions(card)
            .Where(a => a["verb"]?.GetValue<string>() == verb)
            .Select(a => a["data"]!.AsObject())
            .FirstOrDefault(d => key is null || d[key]?.ToString() == value);

    public static JsonObject RequireData(JsonNode card, string verb, string? key = null, string? value = null) =>
        Data(card, verb, key, value) ?? throw new Xunit.Sdk.XunitException($"No action '{verb}' on the card: {Text(card)}");

    public static bool HasVerb(JsonNode card, string verb) => Actions(card).Any(a => a["verb"]?.GetValue<string>() == verb);

    public static int Version(JsonNode card) =>
        Actions(card).Select(a => a["data"]?["expectedVersion"]).Where(v => v is not null).Select(v => v!.GetValue<int>()).Max();

    /// <summary>Every object in the card (elements, actions, their data), depth first.</summary>
    public static IEnumerable<JsonObject> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var d in Descendants(child))
                    {
                        yield return d;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var d in Descendants(child))
                    {
                        yield return d;
                    }
                }

                break;
        }
    }

    /// <summary>The card's inputs (elements of type Input.*).</summary>
    public static IEnumerable<JsonObject> Inputs(JsonNode card) =>
        Descendants(card).Where(o => o["type"] is JsonValue t && t.TryGetValue<string>(out var type) && type.StartsWith("Input.", StringComparison.Ordinal));

    /// <summary>All visible text of the card, joined (text blocks, text runs, facts).</summary>
    public static string Text(JsonNode card)
    {
        var texts = new List<string>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, child) in obj)
                    {
                        if (key is "text" or "title" or "value" && child is JsonValue v && v.TryGetValue<string>(out var s))
                        {
                            texts.Add(s);
                        }
                        else if (key is not "data")
                        {
                            Walk(child);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        Walk(child);
                    }

                    break;
            }
        }

        Walk(card);
        return string.Join(" | ", texts);
    }
}

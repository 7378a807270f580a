using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using GbbTeamsBot.Bot;
using GbbTeamsBot.BotFramework.Conversations;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.TestServers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GbbTeamsBot.Tests.Messages;

/// <summary>
/// The real app (WebApplicationFactory&lt;Program&gt;) on real Kestrel on loopback, configured with an app id, reading
/// its keys from a local OpenID/JWKS server and answering through a fake connector on loopback. Test routes let tests
/// observe dispatch; every log line the app writes is kept in <see cref="Logs"/>.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    public const string BotId = "28:" + OpenIdTestServer.AppId;
    public const string ConversationId = "19:beratung@thread.tacv2;messageid=1712345678901";

    private BotHost(OpenIdTestServer keys, FakeConnector connector, WebApplicationFactory<Program> factory, TestRoutes routes)
    {
        Keys = keys;
        Connector = connector;
        Factory = factory;
        Routes = routes;
        _client = new Lazy<HttpClient>(factory.CreateClient);
    }

    private readonly Lazy<HttpClient> _client;

    public OpenIdTestServer Keys { get; }
    public FakeConnector Connector { get; }
    public WebApplicationFactory<Program> Factory { get; }
    /// <summary>Created on first use, so tests can also watch the host refuse to start.</summary>
    public HttpClient Client => _client.Value;
    public TestRoutes Routes { get; }
    public TestTokenCredential Credential { get; } = new();

    /// <summary>Every rendered log line (Information and above) with its level and exception text.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    /// <summary>Kestrel's address, e.g. http://127.0.0.1:41234 (starts the host).</summary>
    public Uri BaseAddress => Client.BaseAddress!;

    /// <param name="kestrel">
    /// False only for tests that watch the start being refused: the in-memory test server reports the start-up
    /// exception itself, where a failed Kestrel start can surface as a later ObjectDisposedException under load.
    /// </param>
    public static async Task<BotHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        string environment = "Development",
        bool metadataDown = false,
        bool kestrel = true)
    {
        var keys = await OpenIdTestServer.StartAsync();
        keys.IsDown = metadataDown;
        var connector = await FakeConnector.StartAsync();
        connector.MemberTenantId = "tenant-1";
        var routes = new TestRoutes();
        BotHost? host = null;
        var all = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = OpenIdTestServer.AppId,
            ["Bot:Auth:BotFrameworkMetadataUrl"] = keys.BotFrameworkMetadataUrl.ToString(),
            ["Bot:Auth:EntraMetadataUrl"] = keys.EntraMetadataUrl.ToString(),
            ["Bot:InvokeBudget"] = "00:00:01",
            ["Bot:Auth:AllowedCallers:0"] = OpenIdTestServer.BotServiceCaller,
            // Required by the storage layer's start-up validation; these tests never reach Table storage.
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            foreach (var (key, value) in all)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.AddProvider(new LevelCapturingLoggerProvider(() => host!.Logs)));
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TokenCredential>(_ => host!.Credential);
                // These tests run without Table storage; references and handled activities stay in memory.
                services.AddSingleton<IConversationReferenceStore, InMemoryConversationReferenceStore>();
                services.AddSingleton<IActivityDeduplicator>(sp => new InMemoryActivityDeduplicator(TimeProvider.System));
                services.AddSingleton(routes);
                services.AddSingleton<IBotCommandRoute>(routes.Ping);
                services.AddSingleton<ICardActionRoute>(routes.Echo);
                services.AddSingleton<ICardActionRoute>(routes.Slow);
            });
        });
        if (kestrel)
        {
            factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        }

        host = new BotHost(keys, connector, factory, routes);
        return host;
    }

    public string ValidToken(TokenFamily family = TokenFamily.BotFramework) =>
        Keys.CreateToken(new TestToken { Family = family, ServiceUrl = Connector.ServiceUrl });

    public Task<HttpResponseMessage> PostAsync(JsonObject activity, string? token) => PostRawAsync(activity.ToJsonString(), token);

    public async Task<HttpResponseMessage> PostRawAsync(string body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, BotEndpoints.MessagesPath)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request);
    }

    /// <summary>A Teams channel message as the Connector would post it, addressed to the fake connector.</summary>
    public JsonObject Message(string text, string locale = "de-DE", string? id = null) => Envelope("message", id, locale, new JsonObject { ["text"] = text, ["textFormat"] = "plain" });

    public JsonObject Invoke(string verb, JsonObject? data = null, string locale = "de-DE") => Envelope("invoke", null, locale, new JsonObject
    {
        ["name"] = "adaptiveCard/action",
        ["replyToId"] = "1712345670000",
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data ?? new JsonObject() },
            ["trigger"] = "manual",
        },
    });

    public JsonObject Envelope(string type, string? id, string locale, JsonObject extra)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = id ?? Guid.NewGuid().ToString("N"),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("O"),
            ["serviceUrl"] = Connector.ServiceUrl,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:user-1", ["name"] = "Sachbearbeiterin", ["aadObjectId"] = "00000000-0000-0000-0000-000000000001" },
            ["conversation"] = new JsonObject { ["id"] = ConversationId, ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = "tenant-1" },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "GBB Bot" },
            ["locale"] = locale,
            ["channelData"] = new JsonObject
            {
                ["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" },
                ["channel"] = new JsonObject { ["id"] = "19:beratung@thread.tacv2" },
                ["tenant"] = new JsonObject { ["id"] = "tenant-1" },
            },
        };
        foreach (var (key, value) in extra.ToArray())
        {
            extra.Remove(key);
            activity[key] = value;
        }

        return activity;
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }

        await Factory.DisposeAsync();
        await Connector.DisposeAsync();
        await Keys.DisposeAsync();
    }
}

/// <summary>Routes registered only in tests, to observe what the handler dispatches.</summary>
public sealed class TestRoutes
{
    public PingCommand Ping { get; } = new();
    public EchoAction Echo { get; } = new();
    public SlowAction Slow { get; } = new();

    public sealed class PingCommand : IBotCommandRoute
    {
        public ConcurrentQueue<string> Arguments { get; } = new();

        public IReadOnlyCollection<string> Words { get; } = ["ping"];

        public async Task HandleAsync(TurnContext turn, string arguments, CancellationToken cancellationToken)
        {
            Arguments.Enqueue(arguments);
            await turn.ReplyAsync(Activity.CreateMessage("pong"), cancellationToken);
        }
    }

    public sealed class EchoAction : ICardActionRoute
    {
        public string Verb => "test.echo";

        public Task<InvokeResponse> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken) =>
            Task.FromResult(InvokeResponse.Message("echo " + action.Data?.GetProperty("said").GetString()));
    }

    /// <summary>Takes longer than the invoke budget, then posts a message: shows that work goes on after the answer.</summary>
    public sealed class SlowAction : ICardActionRoute
    {
        public string Verb => "test.slow";

        public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromSeconds(6), cancellationToken);
            await turn.SendAsync(Activity.CreateMessage("fertig"), cancellationToken);
            return InvokeResponse.Message("zu spät");
        }
    }
}

/// <summary>Keeps "Level: message | exception" lines, so tests can assert that nothing leaks and nothing failed.</summary>
internal sealed class LevelCapturingLoggerProvider(Func<ConcurrentQueue<string>> sink) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(sink);

    public void Dispose()
    {
    }

    private sealed class Logger(Func<ConcurrentQueue<string>> sink) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                sink().Enqueue($"{logLevel}: {formatter(state, exception)} | {exception}");
            }
        }
    }
}

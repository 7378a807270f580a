using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using GbbTeamsBot.Bot;
using GbbTeamsBot.BotFramework.Inbound;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.DevStack.Local;
using GbbTeamsBot.Storage;
using Microsoft.Extensions.Options;
using GbbTeamsBot.TestServers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Activity = GbbTeamsBot.BotFramework.Schema.Activity;

// Measures POST /api/messages on real Kestrel with real JWT validation:
//   1. invoke round trip (adaptiveCard/action -> handler updates the shared card via the fake connector -> invoke body), sequential: latency percentiles
//   2. the same invoke with concurrent clients: throughput
//   3. ordinary messages (200 at once, help-card reply via the connector in the background): accept rate and time until all replies arrived
//   4. contribution invokes against running sessions with storage (Azurite), at concurrency 1, 10 and 50 over K group chats:
//      rps, p50/p90/p99, p99 of the first and last 5 s, storage requests and connector calls per invoke, response size
// Arguments: [sequential invokes=1000] [concurrent seconds=5] [concurrency=16] [messages=1000] [seconds per contribution level=15] [K conversations=50]
internal static class MessagesBenchmark
{
    public static async Task<int> Main(string[] args)
    {
        // WebApplicationFactory finds the app's content root through the manifest next to this program.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var sequential = ArgOrDefault(0, 1000);
        var seconds = ArgOrDefault(1, 5);
        var concurrency = ArgOrDefault(2, 16);
        var messages = ArgOrDefault(3, 1000);
        var levelSeconds = ArgOrDefault(4, 15);
        var conversations = ArgOrDefault(5, 50);
        var storageRequests = new StorageRequestCounter();

        await using var azurite = await AzuriteTableService.StartAsync();
        await using var keys = await OpenIdTestServer.StartAsync();
        await using var connector = await FakeConnector.StartAsync();
        var credential = new TestTokenCredential();
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("Bot:AppId", OpenIdTestServer.AppId);
            builder.UseSetting("Bot:Auth:BotFrameworkMetadataUrl", keys.BotFrameworkMetadataUrl.ToString());
            builder.UseSetting("Bot:Auth:EntraMetadataUrl", keys.EntraMetadataUrl.ToString());
            builder.UseSetting("Storage:ConnectionString", azurite.ConnectionString);
            // Production rules: an explicit credential type (replaced below) and the loopback connector listed by name.
            builder.UseSetting("Bot:Credential:Type", "ManagedIdentity");
            builder.UseSetting("Bot:Connector:AllowedServiceUrlHosts:0", "127.0.0.1");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TokenCredential>(credential);
                services.AddSingleton<ICardActionRoute, RoundTripAction>();

                // The product's Table client with a counter of every HTTP request it sends.
                services.AddSingleton(sp =>
                {
                    var clientOptions = StorageSetup.DefaultClientOptions();
                    clientOptions.AddPolicy(storageRequests, HttpPipelinePosition.PerRetry);
                    return StorageSetup.CreateClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value, clientOptions);
                });
            });
        });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", keys.CreateToken(new TestToken { ServiceUrl = connector.ServiceUrl }));

        var listening = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        Console.WriteLine($"Bot on Kestrel at {listening} (client {client.BaseAddress}), fake connector at {connector.ServiceUrl}, {Environment.ProcessorCount} cores");
        Console.WriteLine($"Warm-up ...");
        for (var i = 0; i < 200; i++)
        {
            await PostAsync(Invoke(i), expectBody: true);
        }

        // 1. Sequential invoke round trips.
        var latencies = new List<double>(sequential);
        for (var i = 0; i < sequential; i++)
        {
            var watch = Stopwatch.StartNew();
            await PostAsync(Invoke(10_000 + i), expectBody: true);
            latencies.Add(watch.Elapsed.TotalMilliseconds);
        }

        latencies.Sort();
        double P(double q) => latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
        Console.WriteLine($"Invoke round trip, sequential, n={sequential}: p50 {P(0.50):F2} ms | p90 {P(0.90):F2} ms | p99 {P(0.99):F2} ms | max {latencies[^1]:F2} ms");

        // 2. Concurrent invokes for a fixed time.
        var completed = 0;
        var errors = 0;
        var deadline = Stopwatch.StartNew();
        var counter = 100_000;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (deadline.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                try
                {
                    await PostAsync(Invoke(Interlocked.Increment(ref counter)), expectBody: true);
                    Interlocked.Increment(ref completed);
                }
                catch (InvalidOperationException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var invokeThroughput = completed / deadline.Elapsed.TotalSeconds;
        Console.WriteLine($"Invoke round trip, {concurrency} concurrent clients, {deadline.Elapsed.TotalSeconds:F1} s: {completed} ok, {errors} failed, {invokeThroughput:F0} req/s");

        // 3. Messages: answered at once, replies go out in the background.
        var before = connector.Requests.Count(r => r.Method == "POST");
        var accept = Stopwatch.StartNew();
        var next = 0;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int n;
            while ((n = Interlocked.Increment(ref next)) <= messages)
            {
                await PostAsync(Message(n), expectBody: false);
            }
        }));
        var acceptSeconds = accept.Elapsed.TotalSeconds;
        await connector.WaitForAsync(r => r.Method == "POST", before + messages, TimeSpan.FromMinutes(2));
        var deliveredSeconds = accept.Elapsed.TotalSeconds;
        Console.WriteLine($"Messages, {concurrency} concurrent clients, n={messages}: accepted in {acceptSeconds:F2} s ({messages / acceptSeconds:F0} req/s), all replies at the connector after {deliveredSeconds:F2} s ({messages / deliveredSeconds:F0} replies/s)");

        var bearerEverywhere = connector.Requests.All(r => r.Authorization == "Bearer test-token-1");
        Console.WriteLine($"Connector requests: {connector.Requests.Count}, all with the bot's bearer token: {bearerEverywhere}, token requests to the credential: {credential.Calls}");

        // 4. Contributions with storage: every click reads and writes the session.
        Console.WriteLine($"Preparing {conversations} group chats with a running Kollegiale Beratung (Ressourcensammlung) ...");
        var chats = await ContributionLoad.PrepareAsync(factory.Services, a => PostAsync(a, expectBody: false), connector.ServiceUrl, conversations);
        var warmUp = await ContributionLoad.RunAsync(PostRawAsync, connector.ServiceUrl, chats, 10, TimeSpan.FromSeconds(3), storageRequests, connector, 0);
        var levels = new List<ContributionLoad.Level>();
        foreach (var (level, index) in new[] { 1, 10, 50 }.Select((c, i) => (c, i)))
        {
            var result = await ContributionLoad.RunAsync(PostRawAsync, connector.ServiceUrl, chats, level, TimeSpan.FromSeconds(levelSeconds), storageRequests, connector, (index + 1) * 10_000_000);
            levels.Add(result);
            Console.WriteLine(ContributionLoad.Describe(result));
        }

        var sent = warmUp.Ok + levels.Sum(l => l.Ok);
        var stored = await ContributionLoad.StoredContributionsAsync(factory.Services, chats);
        var c10 = levels.Single(l => l.Concurrency == 10);
        var growth = c10.P99First5s == 0 ? 0 : Math.Abs(c10.P99Last5s - c10.P99First5s) / c10.P99First5s;
        var contributionsOk = warmUp.Failed == 0 && levels.All(l => l.Failed == 0) && stored == sent;
        Console.WriteLine($"Contributions answered with a card: {sent}, stored: {stored}; RSS {Environment.WorkingSet / (1024 * 1024)} MiB");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SUMMARY invoke p50={P(0.50):F2}ms p99={P(0.99):F2}ms, invoke throughput={invokeThroughput:F0} req/s (c={concurrency}), message accept={messages / acceptSeconds:F0} req/s, delivery={messages / deliveredSeconds:F0} replies/s, errors={errors}; contributions c=10: {c10.Rps:F0} rps p99={c10.P99:F1}ms, storage requests/invoke={levels.Average(l => l.StorageRequestsPerInvoke):F2}, p99 first/last 5 s={c10.P99First5s:F1}/{c10.P99Last5s:F1}ms ({growth:P0} apart), failed={levels.Sum(l => l.Failed)}, stored==sent: {stored == sent}"));
        return errors == 0 && bearerEverywhere && contributionsOk ? 0 : 1;

        async Task<(HttpStatusCode, string)> PostRawAsync(JsonObject activity)
        {
            using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await client.PostAsync("/api/messages", content);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }

        async Task PostAsync(JsonObject activity, bool expectBody)
        {
            using var content = new StringContent(activity.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await client.PostAsync("/api/messages", content);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK || (expectBody && body.Length == 0))
            {
                throw new InvalidOperationException($"Unexpected answer {(int)response.StatusCode}");
            }
        }

        // Each round trip uses its own conversation, as many users in many chats would; one thread is capped at 7 sends/s by Teams.
        JsonObject Invoke(int n) => Envelope(n, new JsonObject
        {
            ["type"] = "invoke",
            ["name"] = "adaptiveCard/action",
            ["replyToId"] = "17000000" + n.ToString(CultureInfo.InvariantCulture),
            ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = RoundTripAction.VerbName, ["data"] = new JsonObject { ["n"] = n } } },
        });

        JsonObject Message(int n) => Envelope(1_000_000 + n, new JsonObject { ["type"] = "message", ["text"] = "was kannst du?" });

        JsonObject Envelope(int n, JsonObject activity)
        {
            activity["id"] = "act-" + n.ToString(CultureInfo.InvariantCulture);
            activity["serviceUrl"] = connector.ServiceUrl;
            activity["channelId"] = "msteams";
            activity["locale"] = "de-DE";
            activity["from"] = new JsonObject { ["id"] = "29:user", ["aadObjectId"] = "00000000-0000-0000-0000-000000000001" };
            activity["recipient"] = new JsonObject { ["id"] = "28:" + OpenIdTestServer.AppId, ["name"] = "GBB Bot" };
            activity["conversation"] = new JsonObject { ["id"] = "a:bench-" + n.ToString(CultureInfo.InvariantCulture), ["conversationType"] = "personal", ["tenantId"] = "tenant-1" };
            activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } };
            return activity;
        }

        int ArgOrDefault(int index, int fallback) =>
            args.Length > index && int.TryParse(args[index], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}

/// <summary>A card action as the product will have them: update the card everyone sees, answer the actor with the new card.</summary>
internal sealed class RoundTripAction : ICardActionRoute
{
    public const string VerbName = "bench.roundtrip";

    public string Verb => VerbName;

    public async Task<InvokeResponse> HandleAsync(TurnContext turn, CardAction action, CancellationToken cancellationToken)
    {
        var card = new JsonObject
        {
            ["type"] = "AdaptiveCard",
            ["version"] = "1.5",
            ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = "Stand " + action.Data?.GetProperty("n").GetInt32().ToString(CultureInfo.InvariantCulture) }),
        };
        await turn.UpdateAsync(turn.Activity.ReplyToId!, Activity.CreateCard(card.DeepClone().AsObject()), cancellationToken);
        return InvokeResponse.Card(card);
    }
}

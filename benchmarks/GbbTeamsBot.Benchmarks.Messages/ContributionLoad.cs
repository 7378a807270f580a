using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using GbbTeamsBot.Application;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.TestServers;
using Microsoft.Extensions.DependencyInjection;

/// <summary>Counts every HTTP request the Table clients send (retries included).</summary>
internal sealed class StorageRequestCounter : HttpPipelinePolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref _count);
        ProcessNext(message, pipeline);
    }

    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Interlocked.Increment(ref _count);
        return ProcessNextAsync(message, pipeline);
    }
}

/// <summary>
/// Contribution invokes against running Kollegiale Beratungen (Ressourcensammlung), as the live card sends them:
/// K group chats with one session each, round robin, a closed loop per concurrency level. Every invoke must come back
/// with a card, and every answered contribution must be stored (stored == sent).
/// </summary>
internal static class ContributionLoad
{
    private const string Tenant = "tenant-1";

    public sealed record Level(int Concurrency, int Ok, int Failed, double Rps, double P50, double P90, double P99, double P99First5s, double P99Last5s,
        double StorageRequestsPerInvoke, double ConnectorCallsPerInvoke, double MeanResponseBytes, int MaxResponseBytes);

    public sealed record Conversation(string ConversationId, SessionAddress Address, string AdviserId);

    public static async Task<IReadOnlyList<Conversation>> PrepareAsync(IServiceProvider services, Func<JsonObject, Task> post, string serviceUrl, int conversations)
    {
        var sessions = services.GetRequiredService<SessionService>();
        var result = new List<Conversation>();
        for (var k = 0; k < conversations; k++)
        {
            var conversationId = $"19:bench-kb-{k.ToString(CultureInfo.InvariantCulture)}@thread.v2";
            var (mod, presenter, adviser) = ($"29:mod-{k}", $"29:cp-{k}", $"29:adv-{k}");

            // A first message from the chat stores its conversation reference, so the shared card can be updated.
            await post(Activity(serviceUrl, conversationId, mod, new JsonObject { ["type"] = "message", ["text"] = "hilfe" }));
            var created = await sessions.CreateAsync(new CreateSessionRequest(Tenant, "chat:" + conversationId, conversationId, mod, "Moderation", MethodIds.KollegialeBeratung)
            {
                CaseReference = $"Bench-{k.ToString(CultureInfo.InvariantCulture)}",
                Participants = [new InitialParticipant(presenter, "Falleinbringend", ParticipantRole.CasePresenter), new InitialParticipant(adviser, "Beratend")],
            });
            var address = created.Session?.Address ?? throw new InvalidOperationException($"Session {k} was not created: {created.Rejection?.Code}");
            await sessions.SetLiveCardAsync(address, new LiveCardLocation(conversationId, "card-" + k.ToString(CultureInfo.InvariantCulture)));
            await Require(sessions.ExecuteAsync(address, new StartSession(mod)));
            for (var current = (await sessions.GetAsync(address))!; current.Method.Phases[current.State.CurrentPhaseIndex].Key != PhaseKeys.Ressourcensammlung;)
            {
                current = (await Require(sessions.ExecuteAsync(address, new AdvancePhase(mod)))).Session!;
            }

            result.Add(new Conversation(conversationId, address, adviser));
        }

        return result;
    }

    public static async Task<Level> RunAsync(
        Func<JsonObject, Task<(HttpStatusCode Status, string Body)>> post, string serviceUrl, IReadOnlyList<Conversation> conversations,
        int concurrency, TimeSpan duration, StorageRequestCounter storage, FakeConnector connector, int firstRequestNumber)
    {
        var samples = new List<(double At, double Ms, int Bytes)>();
        var failed = 0;
        var next = firstRequestNumber;
        var storageBefore = storage.Count;
        var connectorBefore = connector.Requests.Count;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration)
            {
                var n = Interlocked.Increment(ref next);
                var target = conversations[n % conversations.Count];
                var started = clock.Elapsed.TotalMilliseconds;
                var (status, body) = await post(Contribution(serviceUrl, target, n));
                var ms = clock.Elapsed.TotalMilliseconds - started;
                if (status != HttpStatusCode.OK || !body.Contains("\"AdaptiveCard\"", StringComparison.Ordinal) || IsRefusalOrRetry(body))
                {
                    Interlocked.Increment(ref failed);
                    continue;
                }

                lock (samples)
                {
                    samples.Add((started / 1000, ms, Encoding.UTF8.GetByteCount(body)));
                }
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;

        // The shared card updates follow in the background: give them a moment before counting connector calls.
        await Task.Delay(TimeSpan.FromSeconds(1));
        var ok = samples.Count;
        var invokes = Math.Max(1, ok + failed);
        var all = samples.Select(s => s.Ms).Order().ToArray();
        var first = samples.Where(s => s.At < 5).Select(s => s.Ms).Order().ToArray();
        var last = samples.Where(s => s.At >= elapsed - 5).Select(s => s.Ms).Order().ToArray();
        return new Level(concurrency, ok, failed, ok / elapsed, P(all, 0.5), P(all, 0.9), P(all, 0.99), P(first, 0.99), P(last, 0.99),
            (storage.Count - storageBefore) / (double)invokes, (connector.Requests.Count - connectorBefore) / (double)invokes,
            samples.Count == 0 ? 0 : samples.Average(s => s.Bytes), samples.Count == 0 ? 0 : samples.Max(s => s.Bytes));
    }

    public static string Describe(Level l) => string.Create(CultureInfo.InvariantCulture,
        $"Contributions c={l.Concurrency}: {l.Ok} ok, {l.Failed} failed, {l.Rps:F0} rps | p50 {l.P50:F1} ms | p90 {l.P90:F1} ms | p99 {l.P99:F1} ms | p99 first 5 s {l.P99First5s:F1} ms, last 5 s {l.P99Last5s:F1} ms | storage requests/invoke {l.StorageRequestsPerInvoke:F2} | connector calls/invoke {l.ConnectorCallsPerInvoke:F2} | response {l.MeanResponseBytes / 1024:F1} KiB mean, {l.MaxResponseBytes / 1024.0:F1} KiB max");

    /// <summary>How many contributions the sessions hold now (to check stored == sent).</summary>
    public static async Task<int> StoredContributionsAsync(IServiceProvider services, IReadOnlyList<Conversation> conversations)
    {
        var sessions = services.GetRequiredService<SessionService>();
        var total = 0;
        foreach (var conversation in conversations)
        {
            total += (await sessions.GetAsync(conversation.Address))!.State.Contributions.Count;
        }

        return total;
    }

    private static JsonObject Contribution(string serviceUrl, Conversation target, int n) => Activity(serviceUrl, target.ConversationId, target.AdviserId, new JsonObject
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["replyToId"] = "card-x",
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["verb"] = CardVerbs.ContributionAdd,
                ["data"] = new JsonObject
                {
                    [CardDataKeys.Verb] = CardVerbs.ContributionAdd,
                    [CardDataKeys.RequestId] = "bench-" + n.ToString(CultureInfo.InvariantCulture),
                    [CardDataKeys.SessionId] = target.Address.SessionId,
                    [CardDataKeys.ExpectedVersion] = 0,
                    [CardDataKeys.Kind] = "Resource",
                    [CardDataKeys.Area] = "Sozial",
                    [CardDataKeys.Text] = "Die Nachbarin hilft beim Einkaufen, Eintrag " + n.ToString(CultureInfo.InvariantCulture) + ".",
                },
            },
        },
    });

    private static JsonObject Activity(string serviceUrl, string conversationId, string userId, JsonObject activity)
    {
        activity["id"] = "act-" + Guid.NewGuid().ToString("N");
        activity["serviceUrl"] = serviceUrl;
        activity["channelId"] = "msteams";
        activity["locale"] = "de-DE";
        activity["from"] = new JsonObject { ["id"] = userId, ["name"] = "Kollegin" };
        activity["recipient"] = new JsonObject { ["id"] = "28:" + OpenIdTestServer.AppId, ["name"] = "GBB Bot" };
        activity["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = "groupChat", ["isGroup"] = true, ["tenantId"] = Tenant };
        activity["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } };
        return activity;
    }

    /// <summary>The answers that mean "not stored": a refusal ("Es wurde nichts geändert.") or "Bitte noch einmal versuchen".</summary>
    private static bool IsRefusalOrRetry(string body) =>
        body.Contains("Es wurde nichts ge", StringComparison.Ordinal) || body.Contains("noch einmal versuchen", StringComparison.Ordinal);

    private static async Task<CommandOutcome> Require(Task<CommandOutcome> command)
    {
        var outcome = await command;
        return outcome.IsAccepted ? outcome : throw new InvalidOperationException($"Preparing a session failed: {outcome.Status} {outcome.Rejection?.Code}");
    }

    private static double P(double[] sorted, double q) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Length) - 1))];
}

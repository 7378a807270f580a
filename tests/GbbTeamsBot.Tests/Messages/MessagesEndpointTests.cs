using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using GbbTeamsBot.BotFramework.Conversations;
using GbbTeamsBot.TestServers;
using Microsoft.Extensions.DependencyInjection;

namespace GbbTeamsBot.Tests.Messages;

/// <summary>POST /api/messages through the real host with an app id configured.</summary>
public sealed class MessagesEndpointTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private static bool IsReply(RecordedRequest r) => r.Method == "POST" && r.Route.StartsWith($"v3/conversations/{BotHost.ConversationId}/activities", StringComparison.Ordinal);

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Other_methods_are_answered_405(string method)
    {
        using var response = await _bot.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/api/messages"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("{}")]
    [InlineData("""{ "type": 5 }""")]
    [InlineData("""{ "type": "message", "text": "no conversation, no serviceUrl" }""")]
    [InlineData("""{ "type": "message", "conversation": { "id": "c" }, "serviceUrl": "not a url" }""")]
    [InlineData("""{ "type": "message", "conversation": "c", "serviceUrl": "https://smba.trafficmanager.net/emea/" }""")]
    public async Task Body_that_is_not_an_activity_is_answered_400_and_nothing_happens(string body)
    {
        using var response = await _bot.PostRawAsync(body, _bot.ValidToken());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        await Task.Delay(200);
        Assert.Empty(_bot.Connector.Requests);
        var store = _bot.Factory.Services.GetRequiredService<IConversationReferenceStore>();
        Assert.Null(await store.GetAsync(BotHost.ConversationId, CancellationToken.None));
    }

    [Fact]
    public async Task Request_without_authorization_is_refused_401_and_nothing_is_stored_or_sent()
    {
        using var response = await _bot.PostAsync(_bot.Message("hilfe"), token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        var store = _bot.Factory.Services.GetRequiredService<IConversationReferenceStore>();
        Assert.Null(await store.GetAsync(BotHost.ConversationId, CancellationToken.None));
        await Task.Delay(200);
        Assert.Empty(_bot.Connector.Requests);
    }

    public static TheoryData<string> ForgedTokenKinds() => new(ForgedTokens.Kinds);

    [Theory]
    [MemberData(nameof(ForgedTokenKinds))]
    public async Task Forged_expired_foreign_or_unsigned_tokens_are_refused_401(string kind)
    {
        using var response = await _bot.PostAsync(_bot.Message("hilfe"), ForgedTokens.Create(_bot.Keys, kind, _bot.Connector.ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        await Task.Delay(100);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task Valid_token_with_an_activity_for_another_service_url_is_refused()
    {
        var activity = _bot.Message("hilfe");
        activity["serviceUrl"] = "https://attacker.example/";

        using var response = await _bot.PostAsync(activity, _bot.ValidToken());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Message_not_understood_is_answered_200_empty_then_help_card_in_german_with_bearer_token()
    {
        using var response = await _bot.PostAsync(_bot.Message("Wie funktioniert das?", id: "1712345678901"), _bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        var reply = (await _bot.Connector.WaitForAsync(IsReply)).Single();
        Assert.Equal($"v3/conversations/{BotHost.ConversationId}/activities/1712345678901", reply.Route);
        Assert.Equal("Bearer test-token-1", reply.Authorization);
        var attachment = reply.Json!["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        Assert.Contains("Hilfe", attachment["content"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_en_US_client_gets_the_help_card_in_the_teams_language_German_by_default()
    {
        using var response = await _bot.PostAsync(_bot.Message("what?", locale: "en-US"), _bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await _bot.Connector.WaitForAsync(IsReply)).Single();
        var card = reply.Json!["attachments"]![0]!["content"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Contains("Hilfe", card, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hilfe", "en-US", "Hilfe", "Help:")]
    [InlineData("<at>GBB</at> Hilfe", "en-US", "Hilfe", "Help:")]
    [InlineData("help", "de-DE", "Help:", "Hilfe")]
    public async Task Help_word_decides_the_language_of_the_help_card_over_the_locale(string text, string locale, string expected, string unexpected)
    {
        using var response = await _bot.PostAsync(_bot.Message(text, locale: locale), _bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await _bot.Connector.WaitForAsync(IsReply)).Single();
        var card = reply.Json!["attachments"]![0]!["content"]!.ToJsonString();
        Assert.Contains(expected, card, StringComparison.Ordinal);
        Assert.DoesNotContain(unexpected, card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entra_token_from_the_bot_service_is_accepted()
    {
        using var response = await _bot.PostAsync(_bot.Message("hilfe"), _bot.ValidToken(TokenFamily.Entra));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _bot.Connector.WaitForAsync(IsReply);
    }

    [Fact]
    public async Task Mention_is_stripped_before_the_command_is_routed()
    {
        using var response = await _bot.PostAsync(_bot.Message("<at>GBB Bot</at> ping eins zwei"), _bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await _bot.Connector.WaitForAsync(IsReply)).Single();
        Assert.Equal("pong", (string?)reply.Json!["text"]);
        Assert.Equal(["eins zwei"], _bot.Routes.Ping.Arguments);
    }

    [Fact]
    public async Task Same_activity_delivered_twice_is_handled_once()
    {
        var activity = _bot.Message("ping einmal", id: "1712345679999");

        using var first = await _bot.PostAsync(activity, _bot.ValidToken());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        await _bot.Connector.WaitForAsync(IsReply);
        await Task.Delay(200);

        // Handled and marked done: the repeat is answered 200 and not handled again. (While the first delivery is
        // still being handled, a repeat gets 503 with Retry-After instead: see RedeliveryTests.)
        using var second = await _bot.PostAsync(activity, _bot.ValidToken());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await Task.Delay(500);
        Assert.Single(_bot.Connector.Requests, IsReply);
        Assert.Single(_bot.Routes.Ping.Arguments);
    }

    [Fact]
    public async Task Bot_installed_gets_one_help_card_although_teams_sends_two_events()
    {
        var install = _bot.Envelope("installationUpdate", null, "de-DE", new JsonObject { ["action"] = "add" });
        var added = _bot.Envelope("conversationUpdate", null, "de-DE", new JsonObject
        {
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = BotHost.BotId }),
        });

        using var r1 = await _bot.PostAsync(install, _bot.ValidToken());
        using var r2 = await _bot.PostAsync(added, _bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, r1.StatusCode);
        Assert.Equal(HttpStatusCode.OK, r2.StatusCode);
        var reply = (await _bot.Connector.WaitForAsync(IsReply)).Single();
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)reply.Json!["attachments"]![0]!["contentType"]);
        await Task.Delay(500);
        Assert.Single(_bot.Connector.Requests, IsReply);
    }

    [Fact]
    public async Task Member_added_who_is_not_the_bot_gets_no_help_card()
    {
        var added = _bot.Envelope("conversationUpdate", null, "de-DE", new JsonObject
        {
            ["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:new-colleague" }),
        });

        using var response = await _bot.PostAsync(added, _bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await Task.Delay(500);
        Assert.Empty(_bot.Connector.Requests);
    }

    [Fact]
    public async Task Card_action_invoke_is_answered_with_the_routes_invoke_response()
    {
        using var response = await _bot.PostAsync(_bot.Invoke("test.echo", new JsonObject { ["said"] = "hallo" }), _bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(200, (int?)body["statusCode"]);
        Assert.Equal("application/vnd.microsoft.activity.message", (string?)body["type"]);
        Assert.Equal("echo hallo", (string?)body["value"]);
    }

    [Fact]
    public async Task Card_action_with_unknown_verb_is_answered_with_the_help_card()
    {
        using var response = await _bot.PostAsync(_bot.Invoke("gbb.no.such.verb"), _bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        Assert.Equal("AdaptiveCard", (string?)body["value"]!["type"]);
    }

    [Fact]
    public async Task Other_invokes_are_answered_200_without_body()
    {
        var invoke = _bot.Envelope("invoke", null, "de-DE", new JsonObject { ["name"] = "config/fetch" });

        using var response = await _bot.PostAsync(invoke, _bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Slow_invoke_is_answered_within_the_budget_and_its_work_continues_afterwards()
    {
        // The first request of a fresh host fetches the signing keys and warms up; the budget is about the handler.
        using var warmUp = await _bot.PostAsync(_bot.Invoke("test.echo", new JsonObject { ["said"] = "warm" }), _bot.ValidToken());
        Assert.Equal(HttpStatusCode.OK, warmUp.StatusCode);

        var watch = Stopwatch.StartNew();
        using var response = await _bot.PostAsync(_bot.Invoke("test.slow"), _bot.ValidToken());
        var answeredAfter = watch.Elapsed;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The handler takes 6 s; an answer well before that came from the 1 s budget, even on a busy machine.
        Assert.InRange(answeredAfter, TimeSpan.FromMilliseconds(900), TimeSpan.FromSeconds(5));
        var late = (await _bot.Connector.WaitForAsync(r => r.Method == "POST" && (string?)r.Json?["text"] == "fertig")).Single();
        Assert.Equal("Bearer test-token-1", late.Authorization);
    }

    [Fact]
    public async Task Authenticated_activity_stores_its_conversation_reference()
    {
        using var response = await _bot.PostAsync(_bot.Message("hilfe"), _bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var store = _bot.Factory.Services.GetRequiredService<IConversationReferenceStore>();
        var reference = await store.GetAsync(BotHost.ConversationId, CancellationToken.None);
        Assert.NotNull(reference);
        Assert.Equal(_bot.Connector.ServiceUrl, reference.ServiceUrl);
        Assert.Equal("tenant-1", reference.TenantId);
        Assert.Equal("19:team@thread.tacv2", reference.TeamId);
        Assert.Equal("19:beratung@thread.tacv2", reference.ChannelThreadId);
        Assert.Equal(BotHost.BotId, reference.BotId);
        Assert.True(reference.LearnedFromAuthenticatedActivity);
    }
}

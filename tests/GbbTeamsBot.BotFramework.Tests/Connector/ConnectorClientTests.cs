using System.Diagnostics;
using System.Net;
using System.Text.Json;
using GbbTeamsBot.BotFramework.Connector;
using GbbTeamsBot.BotFramework.Conversations;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.BotFramework.Tests.Support;
using GbbTeamsBot.TestServers;
using Activity = GbbTeamsBot.BotFramework.Schema.Activity;
using Microsoft.Extensions.Time.Testing;

namespace GbbTeamsBot.BotFramework.Tests.Connector;

public sealed class ConnectorClientTests
{
    private const string Conv = ConnectorRig.ConversationId;

    [Fact]
    public async Task Every_connector_operation_uses_the_v3_paths_and_carries_the_bearer_token()
    {
        await using var rig = await ConnectorRig.StartAsync();
        var client = await rig.ClientAsync();
        var ct = CancellationToken.None;

        await client.SendToConversationAsync(Conv, Activity.CreateMessage("hallo"), ct);
        await client.ReplyToActivityAsync(Conv, "1712345678901", Activity.CreateMessage("antwort"), ct);
        await client.UpdateActivityAsync(Conv, "1712345678999", Activity.CreateMessage("neu"), ct);
        await client.DeleteActivityAsync(Conv, "1712345678999", ct);
        await client.CreateConversationAsync(ConversationParameters.OneToOne("28:bot", "29:user", "tenant-1"), ct);
        await client.CreateConversationAsync(ConversationParameters.ChannelThread("19:beratung@thread.tacv2", Activity.CreateMessage("Neue Runde")), ct);
        var page1 = await client.GetPagedMembersAsync(Conv, 100, null, ct);
        var page2 = await client.GetPagedMembersAsync(Conv, 100, page1!.ContinuationToken, ct);
        var member = await client.GetMemberAsync(Conv, "29:user", ct);
        var team = await client.GetTeamDetailsAsync("19:team@thread.tacv2", ct);
        var channels = await client.GetTeamChannelsAsync("19:team@thread.tacv2", ct);
        var meeting = await client.GetMeetingInfoAsync("MCMxOTptZWV0aW5n", ct);
        var participant = await client.GetMeetingParticipantAsync("MCMxOTptZWV0aW5n", "29:user", "tenant-1", ct);
        var notified = await client.SendMeetingNotificationAsync("MCMxOTptZWV0aW5n", TargetedMeetingNotification.Stage(["29:user"], "Ihre Rolle", new Uri("https://bot.example/stage")), ct);

        Assert.Equal(2, page1.Members!.Count);
        Assert.Single(page2!.Members!);
        Assert.Equal("29:user", member!.Id);
        Assert.Equal("00000000-0000-0000-0000-0000000000aa", team!.AadGroupId);
        Assert.Equal(2, channels.Count);
        Assert.Equal("Fallbesprechung", meeting!.Details!.Title);
        Assert.Equal("Presenter", participant!.Meeting!.Role);
        Assert.Null(notified);

        var routes = rig.Connector.Requests.Select(r => $"{r.Method} {r.Route}").ToList();
        Assert.Equal(
            [
                $"POST v3/conversations/{Conv}/activities",
                $"POST v3/conversations/{Conv}/activities/1712345678901",
                $"PUT v3/conversations/{Conv}/activities/1712345678999",
                $"DELETE v3/conversations/{Conv}/activities/1712345678999",
                "POST v3/conversations",
                "POST v3/conversations",
                $"GET v3/conversations/{Conv}/pagedmembers",
                $"GET v3/conversations/{Conv}/pagedmembers",
                $"GET v3/conversations/{Conv}/members/29:user",
                "GET v3/teams/19:team@thread.tacv2",
                "GET v3/teams/19:team@thread.tacv2/conversations",
                "GET v1/meetings/MCMxOTptZWV0aW5n",
                "GET v1/meetings/MCMxOTptZWV0aW5n/participants/29:user",
                "POST v1/meetings/MCMxOTptZWV0aW5n/notification",
            ],
            routes);
        Assert.All(rig.Connector.Requests, r => Assert.Equal("Bearer test-token-1", r.Authorization));
        Assert.Equal(1, rig.Credential.Calls);
        Assert.Equal(AzureIdentityBotTokenProvider.Scope, rig.Credential.LastScope);
    }

    [Fact]
    public async Task Conversation_ids_with_reserved_characters_are_escaped_in_the_path()
    {
        await using var rig = await ConnectorRig.StartAsync();
        var client = await rig.ClientAsync();

        await client.SendToConversationAsync(Conv, Activity.CreateMessage("x"), CancellationToken.None);

        var raw = rig.Connector.Requests.Single().RawTarget;
        Assert.Contains("19%3Aabc%40thread.tacv2%3Bmessageid%3D1712345678901", raw, StringComparison.Ordinal);
        Assert.StartsWith(FakeConnector.ServicePath, raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outgoing_activity_gets_the_envelope_and_reply_id()
    {
        await using var rig = await ConnectorRig.StartAsync();
        var client = await rig.ClientAsync();

        await client.ReplyToActivityAsync(Conv, "1712345678901", Activity.CreateMessage("antwort"), CancellationToken.None);

        var body = rig.Connector.Requests.Single().Json!;
        Assert.Equal("message", (string?)body["type"]);
        Assert.Equal("1712345678901", (string?)body["replyToId"]);
        Assert.Equal("28:bot", (string?)body["from"]!["id"]);
        Assert.Equal(Conv, (string?)body["conversation"]!["id"]);
        Assert.Null(body["serviceUrl"]);
    }

    [Fact]
    public async Task Throttled_call_waits_for_retry_after_then_succeeds()
    {
        await using var rig = await ConnectorRig.StartAsync();
        var client = await rig.ClientAsync();
        rig.Connector.Enqueue(new ScriptedAnswer(429, RetryAfter: TimeSpan.FromSeconds(1)));

        var result = await client.SendToConversationAsync(Conv, Activity.CreateMessage("x"), CancellationToken.None);

        Assert.NotNull(result!.Id);
        var requests = rig.Connector.Requests;
        Assert.Equal([429, 201], requests.Select(r => r.StatusCode));
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(950), $"retried after {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Transient_failures_are_retried_with_growing_backoff_until_success()
    {
        await using var rig = await ConnectorRig.StartAsync(options: new ConnectorOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(200), MaxRetryDelay = TimeSpan.FromSeconds(5), MaxRetryAttempts = 5 });
        var client = await rig.ClientAsync();
        foreach (var status in new[] { 503, 502, 504, 412 })
        {
            rig.Connector.Enqueue(new ScriptedAnswer(status));
        }

        var watch = Stopwatch.StartNew();
        var member = await client.GetMemberAsync(Conv, "29:user", CancellationToken.None);

        Assert.Equal("29:user", member!.Id);
        Assert.Equal([503, 502, 504, 412, 200], rig.Connector.Requests.Select(r => r.StatusCode));
        // Four waits with a 200 ms base that doubles (with jitter) cannot all be near zero.
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(400), $"took {watch.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_attempts_with_a_connector_error()
    {
        await using var rig = await ConnectorRig.StartAsync(options: new ConnectorOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(10), MaxRetryAttempts = 2 });
        var client = await rig.ClientAsync();
        for (var i = 0; i < 5; i++)
        {
            rig.Connector.Enqueue(new ScriptedAnswer(429, RetryAfter: TimeSpan.Zero));
        }

        var error = await Assert.ThrowsAsync<ConnectorException>(() => client.GetTeamDetailsAsync("19:team@thread.tacv2", CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(3, rig.Connector.Requests.Count);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(412)]
    [InlineData(503)]
    public async Task Post_refused_before_processing_is_retried(int status)
    {
        await using var rig = await ConnectorRig.StartAsync();
        var client = await rig.ClientAsync();
        rig.Connector.Enqueue(new ScriptedAnswer(status));

        await client.SendToConversationAsync(Conv, Activity.CreateMessage("einmal"), CancellationToken.None);

        Assert.Equal([status, 201], rig.Connector.Requests.Select(r => r.StatusCode));
    }

    [Theory]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Post_with_unknown_outcome_is_not_posted_twice(int status)
    {
        await using var rig = await ConnectorRig.StartAsync();
        var client = await rig.ClientAsync();
        rig.Connector.Enqueue(new ScriptedAnswer(status));

        var error = await Assert.ThrowsAsync<ConnectorOutcomeUnknownException>(
            () => client.SendToConversationAsync(Conv, Activity.CreateMessage("einmal"), CancellationToken.None));

        Assert.Equal((HttpStatusCode)status, error.StatusCode);
        Assert.Single(rig.Connector.Requests);
    }

    [Fact]
    public async Task Update_after_gateway_error_is_repeated_because_put_is_idempotent()
    {
        await using var rig = await ConnectorRig.StartAsync();
        var client = await rig.ClientAsync();
        rig.Connector.Enqueue(new ScriptedAnswer(502));

        await client.UpdateActivityAsync(Conv, "1712345678999", Activity.CreateMessage("neu"), CancellationToken.None);

        Assert.Equal([502, 200], rig.Connector.Requests.Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Slow_post_times_out_as_unknown_outcome_and_is_not_repeated()
    {
        // A time limit with room for a busy machine to connect, and an answer far beyond it.
        await using var rig = await ConnectorRig.StartAsync(options: new ConnectorOptions { RequestTimeout = TimeSpan.FromSeconds(1), RetryBaseDelay = TimeSpan.FromMilliseconds(10) });
        var client = await rig.ClientAsync();
        rig.Connector.Enqueue(new ScriptedAnswer(201, Delay: TimeSpan.FromSeconds(5)));

        await Assert.ThrowsAsync<ConnectorOutcomeUnknownException>(
            () => client.SendToConversationAsync(Conv, Activity.CreateMessage("langsam"), CancellationToken.None));

        Assert.Single(rig.Connector.Requests);
    }

    [Fact]
    public async Task Slow_read_times_out_and_is_retried()
    {
        await using var rig = await ConnectorRig.StartAsync(options: new ConnectorOptions { RequestTimeout = TimeSpan.FromMilliseconds(300), RetryBaseDelay = TimeSpan.FromMilliseconds(10) });
        var client = await rig.ClientAsync();
        rig.Connector.Enqueue(new ScriptedAnswer(200, Delay: TimeSpan.FromSeconds(2)));

        var team = await client.GetTeamDetailsAsync("19:team@thread.tacv2", CancellationToken.None);

        Assert.NotNull(team);
        Assert.Equal(2, rig.Connector.Requests.Count);
    }

    [Fact]
    public async Task Client_errors_are_not_retried_and_report_the_connector_error_code()
    {
        await using var rig = await ConnectorRig.StartAsync();
        var client = await rig.ClientAsync();

        rig.Connector.Enqueue(new ScriptedAnswer(404));
        var notFound = await Assert.ThrowsAsync<ConnectorException>(() => client.GetTeamDetailsAsync("19:gone@thread.tacv2", CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal("Scripted", notFound.ErrorCode);
        Assert.Single(rig.Connector.Requests);
    }

    [Fact]
    public async Task Created_conversation_is_stored_with_the_trusted_service_url_not_the_one_in_the_answer()
    {
        await using var rig = await ConnectorRig.StartAsync();
        var client = await rig.ClientAsync();

        var created = await client.CreateConversationAsync(ConversationParameters.OneToOne("28:bot", "29:user", "tenant-1"), CancellationToken.None);

        var stored = await rig.Store.GetAsync(created!.Id!, CancellationToken.None);
        Assert.Equal(rig.Connector.ServiceUrl, stored!.ServiceUrl);
        Assert.Equal("https://attacker.example/", created.ServiceUrl);
        var body = rig.Connector.Requests.Single().Json!;
        Assert.Equal("29:user", (string?)body["members"]![0]!["id"]);
        Assert.Equal("tenant-1", (string?)body["channelData"]!["tenant"]!["id"]);
    }

    [Fact]
    public async Task Unauthenticated_mode_sends_no_authorization_header()
    {
        await using var rig = await ConnectorRig.StartAsync(tokens: new NoBotTokenProvider(), mode: BotAuthenticationMode.Unauthenticated);
        var client = await rig.ClientAsync();

        await client.SendToConversationAsync(Conv, Activity.CreateMessage("x"), CancellationToken.None);

        Assert.Null(rig.Connector.Requests.Single().Authorization);
    }

    [Fact]
    public async Task Unknown_conversation_gives_no_client_and_no_request()
    {
        await using var rig = await ConnectorRig.StartAsync();

        var client = await rig.Factory.ForConversationAsync("19:never-seen@thread.tacv2", CancellationToken.None);

        Assert.Null(client);
        Assert.Empty(rig.Connector.Requests);
    }

    [Fact]
    public async Task Reply_chain_of_a_known_channel_is_reached_through_the_channels_reference()
    {
        await using var rig = await ConnectorRig.StartAsync();
        await rig.Store.SaveAsync(rig.Reference with { ConversationId = "19:abc@thread.tacv2" }, CancellationToken.None);

        var client = await rig.Factory.ForConversationAsync("19:abc@thread.tacv2;messageid=99", CancellationToken.None);
        await client!.SendToConversationAsync("19:abc@thread.tacv2;messageid=99", Activity.CreateMessage("x"), CancellationToken.None);

        Assert.Equal("v3/conversations/19:abc@thread.tacv2;messageid=99/activities", rig.Connector.Requests.Single().Route);
        Assert.Null(await rig.Factory.ForConversationAsync("19:other@thread.tacv2;messageid=99", CancellationToken.None));
    }

    [Fact]
    public async Task Reference_learned_without_authentication_is_not_used_once_authentication_is_on()
    {
        await using var rig = await ConnectorRig.StartAsync();
        await rig.Store.SaveAsync(rig.Reference with { ConversationId = "a:playground", LearnedFromAuthenticatedActivity = false }, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => rig.Factory.ForConversationAsync("a:playground", CancellationToken.None));
        Assert.Empty(rig.Connector.Requests);
    }

    [Fact]
    public async Task Proactive_message_works_after_a_restart_from_the_stored_reference()
    {
        string persisted;
        await using (var before = await ConnectorRig.StartAsync())
        {
            await before.Store.SaveAsync(before.Reference, CancellationToken.None);
            persisted = JsonSerializer.Serialize(before.Store.All, BotJson.Options);
        }

        await using var after = await ConnectorRig.StartAsync();
        var restored = JsonSerializer.Deserialize<List<ConversationReference>>(persisted, BotJson.Options)!;
        foreach (var reference in restored)
        {
            // The old process's fake connector is gone; the new one stands for the same service at a new port.
            await after.Store.SaveAsync(reference with { ServiceUrl = after.Connector.ServiceUrl }, CancellationToken.None);
        }

        var client = await after.Factory.ForConversationAsync(Conv, CancellationToken.None);
        await client!.SendToConversationAsync(Conv, Activity.CreateMessage("Erinnerung"), CancellationToken.None);

        var request = after.Connector.Requests.Single();
        Assert.Equal($"v3/conversations/{Conv}/activities", request.Route);
        Assert.Equal("Bearer test-token-1", request.Authorization);
    }

    [Fact]
    public async Task Token_is_reused_until_shortly_before_expiry()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var credential = new TestTokenCredential { Lifetime = TimeSpan.FromMinutes(60) };
        var provider = new AzureIdentityBotTokenProvider(credential, time);

        var first = await provider.GetTokenAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(50));
        var second = await provider.GetTokenAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(6));
        var third = await provider.GetTokenAsync(CancellationToken.None);

        Assert.Equal(first, second);
        Assert.NotEqual(second, third);
        Assert.Equal(2, credential.Calls);
    }
}

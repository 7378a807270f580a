using System.Net;
using System.Text.Json.Nodes;
using GbbTeamsBot.TestServers;

namespace GbbTeamsBot.Tests.Messages;

/// <summary>Start-up rules and the modes without tokens: metadata outage, no app id, local Playground mode.</summary>
public sealed class AuthenticationModeTests
{
    [Fact]
    public async Task Metadata_server_down_gives_a_refusal_never_200()
    {
        await using var bot = await BotHost.StartAsync(metadataDown: true);

        using var response = await bot.PostAsync(bot.Message("hilfe"), bot.ValidToken());

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.ServiceUnavailable });
        Assert.Empty(await response.Content.ReadAsStringAsync());
        await Task.Delay(300);
        Assert.Empty(bot.Connector.Requests);

        // Once the keys can be fetched again, the same kind of request goes through.
        bot.Keys.IsDown = false;
        using var later = await bot.PostAsync(bot.Message("hilfe"), bot.ValidToken());
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task Without_app_id_and_without_unauthenticated_mode_every_request_is_refused()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:AppId"] = "" });

        using var withoutToken = await bot.PostAsync(bot.Message("hilfe"), token: null);
        using var withToken = await bot.PostAsync(bot.Message("hilfe"), bot.ValidToken());

        Assert.Equal(HttpStatusCode.Unauthorized, withoutToken.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, withToken.StatusCode);
        await Task.Delay(300);
        Assert.Empty(bot.Connector.Requests);
    }

    [Fact]
    public async Task Unauthenticated_mode_outside_development_refuses_to_start_and_says_why()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:AllowUnauthenticated"] = "true" }, environment: "Production", kestrel: false);

        var error = Assert.ThrowsAny<Exception>(() => bot.Factory.CreateClient());

        Assert.Contains("Bot:AllowUnauthenticated", Flatten(error) + " | " + string.Join(" | ", bot.Logs), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_app_id_stops_the_start_with_the_setting_named()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:AppId"] = "my-bot" }, environment: "Production", kestrel: false);

        var error = Assert.ThrowsAny<Exception>(() => bot.Factory.CreateClient());

        Assert.Contains("Bot:AppId", Flatten(error) + " | " + string.Join(" | ", bot.Logs), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Playground_activity_without_token_is_served_in_development_unauthenticated_mode_and_replies_carry_no_token()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?> { ["Bot:AllowUnauthenticated"] = "true", ["Bot:AppId"] = "" });
        // Shape captured from the Agents Playground (local-harness.md §2): personal chat, no Authorization header.
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = "1795289898911",
            ["channelId"] = "msteams",
            ["serviceUrl"] = bot.Connector.ServiceUrl,
            ["from"] = new JsonObject { ["id"] = "user-id-0", ["name"] = "Alex Wilber", ["aadObjectId"] = "00000000-0000-0000-0000-0000000000020" },
            ["conversation"] = new JsonObject { ["conversationType"] = "personal", ["tenantId"] = "00000000-0000-0000-0000-0000000000001", ["id"] = "2a574206-5d2a-4b0e-9f7a-1c1f3a8f0e11" },
            ["recipient"] = new JsonObject { ["id"] = "00000000-0000-0000-0000-00000000000011", ["name"] = "Test Bot" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "00000000-0000-0000-0000-0000000000001" } },
            ["textFormat"] = "plain",
            ["text"] = "hallo",
            ["locale"] = "en-US",
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["country"] = "US", ["platform"] = "Web", ["timezone"] = "UTC" }),
        };

        using var response = await bot.PostAsync(activity, token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = (await bot.Connector.WaitForAsync(r => r.Method == "POST")).Single();
        Assert.Equal("v3/conversations/2a574206-5d2a-4b0e-9f7a-1c1f3a8f0e11/activities/1795289898911", reply.Route);
        Assert.Null(reply.Authorization);
        Assert.Equal(0, bot.Credential.Calls);
    }

    private static string Flatten(Exception error)
    {
        var messages = new List<string>();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(i => i.Message));
            }
        }

        return string.Join(" | ", messages);
    }
}

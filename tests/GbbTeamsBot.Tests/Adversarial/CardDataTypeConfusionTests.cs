using System.Net;
using System.Text.Json.Nodes;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Testing;
using GbbTeamsBot.Tests.Teams;

namespace GbbTeamsBot.Tests.Adversarial;

/// <summary>
/// Card data of the wrong type or size (real host, real Azurite, real JWTs): a clear card or 400-style answer, HTTP 200,
/// the session unchanged, no failure and no client value in the logs.
/// </summary>
public sealed class CardDataTypeConfusionTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TeamsHost _host = null!;
    private KbDriver _kb = null!;

    public async Task InitializeAsync()
    {
        _host = await TeamsHost.StartAsync(azurite.ConnectionString);
        _kb = new KbDriver(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    public static TheoryData<string> Cases() => new(
        "sessionId number", "sessionId object", "sessionId 10k chars", "expectedVersion 1e3", "expectedVersion -1",
        "expectedVersion 2^63", "expectedVersion object", "requestId array");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Next_phase_with_confused_card_data_is_answered_and_changes_nothing(string kind)
    {
        var (session, live) = await _kb.StartAsync(Place.Channel);
        var before = await _kb.LoadAsync(session, Place.Channel);
        var data = CardJson.RequireData(live, CardVerbs.SessionNext);
        var hostile = new string('Z', 10_000);
        switch (kind)
        {
            case "sessionId number": data["sessionId"] = 4711; break;
            case "sessionId object": data["sessionId"] = new JsonObject { ["id"] = session }; break;
            case "sessionId 10k chars": data["sessionId"] = hostile; break;
            case "expectedVersion 1e3": data["expectedVersion"] = "1e3"; break;
            case "expectedVersion -1": data["expectedVersion"] = -1; break;
            case "expectedVersion 2^63": data["expectedVersion"] = JsonNode.Parse("9223372036854775808"); break;
            case "expectedVersion object": data["expectedVersion"] = new JsonObject(); break;
            case "requestId array": data["requestId"] = new JsonArray(1, 2); break;
        }

        using var response = await _host.PostAsync(Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, data, KbDriver.CardId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Contains((string?)body["type"], new[] { "application/vnd.microsoft.card.adaptive", "application/vnd.microsoft.error" });
        var after = await _kb.LoadAsync(session, Place.Channel);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(0, after.State.CurrentPhaseIndex);
        Assert.DoesNotContain(_host.Logs, l => l.StartsWith("Error:", StringComparison.Ordinal) || l.Contains(hostile[..100], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("data array")]
    [InlineData("data null")]
    [InlineData("data string")]
    [InlineData("verb number")]
    [InlineData("verb object")]
    [InlineData("Action.Submit in an invoke")]
    public async Task Invoke_whose_action_is_not_an_action_execute_with_object_data_is_a_400_answer_in_german(string kind)
    {
        var (session, live) = await _kb.StartAsync(Place.Channel);
        var invoke = Activities.Invoke(_host, TeamsUser.Anna, Place.Channel, CardJson.RequireData(live, CardVerbs.SessionNext), KbDriver.CardId);
        var action = invoke["value"]!["action"]!.AsObject();
        switch (kind)
        {
            case "data array": action["data"] = new JsonArray("a", 1); break;
            case "data null": action["data"] = null; break;
            case "data string": action["data"] = "sessionId=" + session; break;
            case "verb number": action["verb"] = 42; break;
            case "verb object": action["verb"] = new JsonObject { ["v"] = CardVerbs.SessionNext }; break;
            case "Action.Submit in an invoke": action["type"] = "Action.Submit"; break;
        }

        using var response = await _host.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        if ((string?)body["type"] == "application/vnd.microsoft.error")
        {
            Assert.Equal(400, (int?)body["statusCode"]);
            Assert.Contains("Es wurde nichts geändert", (string?)body["value"]!["message"], StringComparison.Ordinal);
        }
        else
        {
            // Data that is not an object reaches the route as "no data": the invalid-input card.
            Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)body["type"]);
        }

        Assert.Equal(0, (await _kb.LoadAsync(session, Place.Channel)).State.CurrentPhaseIndex);
        Assert.DoesNotContain(_host.Logs, l => l.StartsWith("Error:", StringComparison.Ordinal));
    }
}

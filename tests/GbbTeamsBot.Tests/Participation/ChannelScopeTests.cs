using System.Text.Json.Nodes;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Testing;
using GbbTeamsBot.Tests.Teams;

namespace GbbTeamsBot.Tests.Participation;

/// <summary>
/// Private and shared channels are their own scope, as in Teams: a session that ran in a private channel is listed
/// by "protokolle" there, never in the team's General channel or another standard channel.
/// </summary>
public sealed class ChannelScopeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string PrivateChannelId = "19:vertraulich@thread.tacv2";

    /// <summary>A private channel of the team (Teams marks it with channelData.channel.type "private").</summary>
    private static readonly Place PrivateChannel = new(PrivateChannelId + ";messageid=1712345670099", "channel", TeamsHost.TeamId, null);

    /// <summary>The team's General channel (its id is the team id).</summary>
    private static readonly Place General = new(TeamsHost.TeamId + ";messageid=1712345670055", "channel", TeamsHost.TeamId, null);

    private TeamsHost _host = null!;
    private KbDriver _kb = null!;

    public async Task InitializeAsync()
    {
        _host = await TeamsHost.StartAsync(azurite.ConnectionString);
        _kb = new KbDriver(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_session_created_in_a_private_channel_is_not_listed_by_protokolle_in_General()
    {
        // A Sozialraum-Runde in the private channel, run to its confirmed protocol.
        _host.Connector.Clear();
        await _host.PostAsync(In(PrivateChannel, Activities.Message(_host, TeamsUser.Anna, PrivateChannel, "sozialraum")));
        var setup = await _kb.WaitForCardReplyAsync();
        var start = CardJson.RequireData(setup, CardVerbs.SessionStart);
        var round = await Invoke(PrivateChannel, TeamsUser.Anna, start, new JsonObject
        {
            ["method"] = "SozialraumRunde",
            ["casePseudonym"] = "Kanalviertel-7",
            ["moderatorId"] = TeamsUser.Anna.Id,
            ["adviserIds"] = TeamsUser.Ben.Id,
            ["plannedMinutes"] = "15",
            ["startNow"] = "true",
        });
        var protocol = await Invoke(PrivateChannel, TeamsUser.Anna, CardJson.RequireData(round, CardVerbs.SessionNext));
        var confirmed = await Invoke(PrivateChannel, TeamsUser.Anna, CardJson.RequireData(protocol, CardVerbs.ProtocolConfirm));
        Assert.Contains("Bestätigt von", CardJson.Text(confirmed), StringComparison.Ordinal);

        // Listed in the private channel itself ...
        Assert.Contains("Kanalviertel-7", await ProtocolsIn(PrivateChannel), StringComparison.Ordinal);

        // ... but not in General, nor in the team's other standard channel.
        Assert.DoesNotContain("Kanalviertel-7", await ProtocolsIn(General), StringComparison.Ordinal);
        Assert.DoesNotContain("Kanalviertel-7", await ProtocolsIn(Place.Channel), StringComparison.Ordinal);

        // The session's card actions from General do not reach it either.
        var fromGeneral = await Invoke(General, TeamsUser.Anna, CardJson.RequireData(confirmed, CardVerbs.ProtocolRecordText));
        Assert.DoesNotContain("Kanalviertel-7", CardJson.Text(fromGeneral), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_protocol_is_shown_where_the_session_ran_and_to_its_participants_only()
    {
        var dora = new TeamsUser("29:d", "Person 4");
        _host.Connector.Clear();
        await _host.PostAsync(In(Place.Channel, Activities.Message(_host, TeamsUser.Anna, Place.Channel, "sozialraum")));
        var start = CardJson.RequireData(await _kb.WaitForCardReplyAsync(), CardVerbs.SessionStart);
        var round = await Invoke(Place.Channel, TeamsUser.Anna, start, new JsonObject
        {
            ["method"] = "SozialraumRunde",
            ["casePseudonym"] = "Hafenviertel-3",
            ["moderatorId"] = TeamsUser.Anna.Id,
            ["adviserIds"] = TeamsUser.Ben.Id,
            ["plannedMinutes"] = "15",
            ["startNow"] = "true",
        });
        var protocol = await Invoke(Place.Channel, TeamsUser.Anna, CardJson.RequireData(round, CardVerbs.SessionNext));
        var confirmed = await Invoke(Place.Channel, TeamsUser.Anna, CardJson.RequireData(protocol, CardVerbs.ProtocolConfirm));

        // In the channel where it ran: for everyone. In General: for its participants, not for the others.
        Assert.Contains("Hafenviertel-3", await ProtocolsIn(Place.Channel, dora), StringComparison.Ordinal);
        Assert.Contains("Hafenviertel-3", await ProtocolsIn(General, TeamsUser.Ben), StringComparison.Ordinal);
        Assert.DoesNotContain("Hafenviertel-3", await ProtocolsIn(General, dora), StringComparison.Ordinal);

        var refused = await Invoke(General, dora, CardJson.RequireData(confirmed, CardVerbs.ProtocolRecordText));
        Assert.Contains("nur im Kanal oder Chat sichtbar", CardJson.Text(refused), StringComparison.Ordinal);
        Assert.DoesNotContain("Hafenviertel-3", CardJson.Text(refused), StringComparison.Ordinal);
        var shown = await Invoke(General, TeamsUser.Ben, CardJson.RequireData(confirmed, CardVerbs.ProtocolRecordText));
        Assert.Contains("Hafenviertel-3", CardJson.Text(shown), StringComparison.Ordinal);
    }

    private async Task<string> ProtocolsIn(Place place, TeamsUser? user = null)
    {
        _host.Connector.Clear();
        await _host.PostAsync(In(place, Activities.Message(_host, user ?? TeamsUser.Anna, place, "protokolle")));
        return CardJson.Text(await _kb.WaitForCardReplyAsync());
    }

    private Task<JsonObject> Invoke(Place place, TeamsUser user, JsonObject data, JsonObject? inputs = null) =>
        _host.InvokeAsync(In(place, Activities.Invoke(_host, user, place, data, KbDriver.CardId, inputs)));

    /// <summary>The channel data Teams sends for the place: the private channel with its membership type.</summary>
    private static JsonObject In(Place place, JsonObject activity)
    {
        var channel = place == PrivateChannel
            ? new JsonObject { ["id"] = PrivateChannelId, ["name"] = "Vertraulich", ["type"] = "private" }
            : place == General
                ? new JsonObject { ["id"] = TeamsHost.TeamId }
                : new JsonObject { ["id"] = "19:beratung@thread.tacv2", ["type"] = "standard" };
        activity["channelData"]!["channel"] = channel;
        return activity;
    }
}

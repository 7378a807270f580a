using GbbTeamsBot.BotFramework.Connector;
using GbbTeamsBot.BotFramework.Tests.Support;
using Activity = GbbTeamsBot.BotFramework.Schema.Activity;

namespace GbbTeamsBot.BotFramework.Tests.Connector;

public sealed class CardUpdateCoalescingTests
{
    private const string MessageId = "1712345678999";

    [Fact]
    public async Task Rapid_updates_of_one_card_send_only_the_newest_states()
    {
        await using var rig = await ConnectorRig.StartAsync();
        rig.Connector.ResponseDelay = TimeSpan.FromMilliseconds(150);
        var client = await rig.ClientAsync();

        var updates = new List<Task<ResourceResponse?>>();
        for (var i = 0; i < 100; i++)
        {
            updates.Add(client.UpdateActivityAsync(ConnectorRig.ConversationId, MessageId, Activity.CreateMessage($"Stand {i}"), CancellationToken.None));
        }

        var answers = await Task.WhenAll(updates);

        var puts = rig.Connector.Requests.Where(r => r.Method == "PUT").ToList();
        // The first PUT may leave before the burst is complete; everything after it is merged into one or two more.
        Assert.InRange(puts.Count, 1, 3);
        Assert.Equal("Stand 99", (string?)puts[^1].Json!["text"]);
        Assert.Equal(MessageId, (string?)puts[^1].Json!["id"]);
        Assert.All(answers, a => Assert.Equal(MessageId, a!.Id));
        // States only move forward: no older state is sent after a newer one.
        var order = puts.Select(p => int.Parse(((string?)p.Json!["text"])!["Stand ".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(order.Order(), order);
    }

    [Fact]
    public async Task Updates_of_different_cards_are_not_merged()
    {
        await using var rig = await ConnectorRig.StartAsync();
        var client = await rig.ClientAsync();

        await Task.WhenAll(
            client.UpdateActivityAsync(ConnectorRig.ConversationId, "1", Activity.CreateMessage("a"), CancellationToken.None),
            client.UpdateActivityAsync(ConnectorRig.ConversationId, "2", Activity.CreateMessage("b"), CancellationToken.None));

        Assert.Equal(["1", "2"], rig.Connector.Requests.Select(r => r.Segments[^1]).Order());
    }

    [Fact]
    public async Task A_failed_update_fails_every_caller_it_stood_for()
    {
        await using var rig = await ConnectorRig.StartAsync(options: new ConnectorOptions { MaxRetryAttempts = 0 });
        var client = await rig.ClientAsync();
        rig.Connector.Enqueue(new TestServers.ScriptedAnswer(404));

        await Assert.ThrowsAsync<ConnectorException>(() => client.UpdateActivityAsync(ConnectorRig.ConversationId, MessageId, Activity.CreateMessage("x"), CancellationToken.None));
        var later = await client.UpdateActivityAsync(ConnectorRig.ConversationId, MessageId, Activity.CreateMessage("y"), CancellationToken.None);

        Assert.Equal(MessageId, later!.Id);
    }
}

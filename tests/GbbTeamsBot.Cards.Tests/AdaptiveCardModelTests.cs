using System.Text.Json.Nodes;

namespace GbbTeamsBot.Cards.Tests;

public sealed class AdaptiveCardModelTests
{
    [Fact]
    public void Card_serializes_schema_version_width_and_fallback_text()
    {
        var json = new AdaptiveCard { Body = [new TextBlock("Hallo")], FallbackText = "Hallo" }.ToJson();

        Assert.Equal("AdaptiveCard", (string?)json["type"]);
        Assert.Equal("1.5", (string?)json["version"]);
        Assert.Equal("Full", (string?)json["msteams"]?["width"]);
        Assert.Equal("Hallo", (string?)json["fallbackText"]);
        Assert.Equal("TextBlock", (string?)json["body"]?[0]?["type"]);
        Assert.Equal(true, (bool?)json["body"]?[0]?["wrap"]);
    }

    [Fact]
    public void Execute_action_carries_verb_data_and_submit_fallback()
    {
        var data = new JsonObject { ["sessionId"] = "s1" };
        var action = new ExecuteAction("Weiter", "gbb.session.next", data)
        {
            AssociatedInputs = AssociatedInputs.None,
            Fallback = new SubmitAction("Weiter", new JsonObject { ["verb"] = "gbb.session.next" }),
        };

        var json = action.ToJson();

        Assert.Equal("Action.Execute", (string?)json["type"]);
        Assert.Equal("gbb.session.next", (string?)json["verb"]);
        Assert.Equal("s1", (string?)json["data"]?["sessionId"]);
        Assert.Equal("none", (string?)json["associatedInputs"]);
        Assert.Equal("Action.Submit", (string?)json["fallback"]?["type"]);
    }

    [Fact]
    public void The_same_data_object_can_be_used_by_two_actions()
    {
        var data = new JsonObject { ["sessionId"] = "s1" };
        var card = new AdaptiveCard
        {
            Actions = [new ExecuteAction("A", "a", data), new ExecuteAction("B", "b", data)],
        };

        var json = card.ToJson();

        Assert.Equal(2, json["actions"]!.AsArray().Count);
    }

    [Fact]
    public void Refresh_rejects_more_than_60_user_ids()
    {
        var ids = Enumerable.Range(0, 61).Select(i => $"29:{i}").ToArray();
        var action = new ExecuteAction("r", "gbb.card.refresh", []);

        Assert.Throws<ArgumentException>(() => new CardRefresh(action, ids));
    }

    [Fact]
    public void Refresh_serializes_action_without_fallback_and_user_ids()
    {
        var action = new ExecuteAction("r", "gbb.card.refresh", []) { Fallback = new SubmitAction("r", []) };
        var card = new AdaptiveCard { Refresh = new CardRefresh(action, ["29:a", "29:b"]) };

        var refresh = card.ToJson()["refresh"]!;

        Assert.Equal("gbb.card.refresh", (string?)refresh["action"]?["verb"]);
        Assert.Null(refresh["action"]?["fallback"]);
        Assert.Equal(2, refresh["userIds"]!.AsArray().Count);
    }

    [Fact]
    public void Column_widths_serialize_as_keyword_weight_or_pixels()
    {
        var set = new ColumnSet([
            new Column([]) { Width = ColumnWidth.Auto },
            new Column([]) { Width = ColumnWidth.Weighted(2) },
            new Column([]) { Width = ColumnWidth.Pixels(40) },
        ]).ToJson();

        var columns = set["columns"]!.AsArray();
        Assert.Equal("auto", (string?)columns[0]?["width"]);
        Assert.Equal(2, (int?)columns[1]?["width"]);
        Assert.Equal("40px", (string?)columns[2]?["width"]);
    }

    [Fact]
    public void Show_card_nests_a_card_without_schema_or_version()
    {
        var json = new ShowCardAction("Mehr", new AdaptiveCard { Body = [new TextBlock("x")] }).ToJson();

        Assert.Equal("AdaptiveCard", (string?)json["card"]?["type"]);
        Assert.Null(json["card"]?["version"]);
        Assert.Null(json["card"]?["msteams"]);
    }

    [Fact]
    public void Cards_layer_references_no_other_project_of_the_solution()
    {
        var references = typeof(AdaptiveCard).Assembly.GetReferencedAssemblies().Select(a => a.Name);

        Assert.DoesNotContain(references, name => name!.StartsWith("GbbTeamsBot", StringComparison.Ordinal));
    }
}

using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.Tests.Samples;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Tests;

public sealed class CardActionDataTests
{
    private static readonly CardContext Context = new() { Now = SampleViews.Now };

    /// <summary>What a Teams client sends: the action's data with the input values merged in as strings.</summary>
    private static JsonObject Submitted(AdaptiveCard card, string verb, params (string Key, string Value)[] inputs)
    {
        var data = CardJson.Executes(card).First(e => (string?)e["verb"] == verb)["data"]!.DeepClone().AsObject();
        foreach (var (key, value) in inputs)
        {
            data[key] = value;
        }

        // Round trip through text, as it arrives over HTTP.
        return JsonNode.Parse(data.ToJsonString())!.AsObject();
    }

    [Fact]
    public void Resource_contribution_round_trips_from_card_to_typed_values()
    {
        var card = LiveSessionCard.Build(SampleViews.Live(SampleViews.Adviser(ContributionKind.Resource)), Context);
        var value = Submitted(card, CardVerbs.ContributionAdd, ("area", "Sozialraum"), ("text", "  Nachbarin hilft beim Einkaufen "));

        var data = CardActionData.TryParse(value, CardVerbs.ContributionAdd)!;

        Assert.Equal(CardVerbs.ContributionAdd, data.Verb);
        Assert.Equal("s-4711", data.SessionId);
        Assert.Equal(7, data.ExpectedVersion);
        Assert.False(string.IsNullOrEmpty(data.RequestId));
        Assert.Equal(ContributionKind.Resource, data.Enum<ContributionKind>(CardDataKeys.Kind));
        Assert.Equal(ResourceArea.Sozialraum, data.Enum<ResourceArea>(CardDataKeys.Area));
        Assert.Equal("Nachbarin hilft beim Einkaufen", data.Text(CardDataKeys.Text));
        Assert.Null(data.CheckText(CardDataKeys.Text, CardLimits.MaxTextLength));
    }

    [Fact]
    public void Setup_inputs_round_trip_including_multi_select_number_and_toggle()
    {
        var card = SetupCard.Build(SampleViews.Setup, Context);
        var value = Submitted(card, CardVerbs.SessionStart,
            ("method", "Helferkonferenz"), ("casePseudonym", "B-03"), ("moderatorId", "29:anna"),
            ("adviserIds", "29:deniz,29:emil,29:deniz"), ("plannedMinutes", "60"), ("startNow", "false"));

        var data = CardActionData.TryParse(value)!;

        Assert.Equal(MethodKind.Helferkonferenz, data.Enum<MethodKind>(CardDataKeys.Method));
        Assert.Equal(["29:deniz", "29:emil"], data.List(CardDataKeys.AdviserIds));
        Assert.Equal(60, data.Number(CardDataKeys.PlannedMinutes));
        Assert.False(data.Flag(CardDataKeys.StartNow));
        Assert.Null(data.Text(CardDataKeys.ProtocolId));
    }

    [Fact]
    public void Agreement_due_date_and_coordinator_flag_are_read()
    {
        var card = AgreementsEditorCard.Build(
            new AgreementsEditorView(SampleViews.Session, MethodKind.Helferkonferenz, "B-03", []) { ViewerMayEdit = true }, Context);
        var json = card.ToJson();
        var add = CardJson.Elements(json).First(e => (string?)e["verb"] == CardVerbs.AgreementAdd)["data"]!.DeepClone().AsObject();
        add["due"] = "2026-04-01";
        add["coordinator"] = "true";
        add["party"] = "Dritte";

        var data = CardActionData.TryParse(add)!;

        Assert.Equal(new DateOnly(2026, 4, 1), data.Date(CardDataKeys.Due));
        Assert.True(data.Flag(CardDataKeys.Coordinator));
        Assert.Equal(ResponsibleParty.Dritte, data.Enum<ResponsibleParty>(CardDataKeys.Party));
    }

    [Fact]
    public void Extend_minutes_come_from_the_static_data()
    {
        var card = LiveSessionCard.Build(SampleViews.Live(SampleViews.Moderator), Context);

        var data = CardActionData.TryParse(Submitted(card, CardVerbs.SessionExtend))!;

        Assert.Equal(LiveSessionCard.ExtendMinutes, data.Number(CardDataKeys.Minutes));
    }

    [Theory]
    [InlineData("""{"requestId":"r"}""")]
    [InlineData("""{"verb":"approve","requestId":"r"}""")]
    [InlineData("""{"verb":"gbb.help.show"}""")]
    [InlineData("""{"verb":"gbb.session.next","requestId":"r"}""")]
    [InlineData("""{"verb":"gbb.session.next","requestId":"r","sessionId":"s"}""")]
    [InlineData("""{"verb":"gbb.session.next","requestId":"r","sessionId":"s","expectedVersion":"seven"}""")]
    [InlineData("""{"verb":"gbb.session.next","requestId":"r","sessionId":"s","expectedVersion":1.5}""")]
    [InlineData("""["gbb.session.next"]""")]
    public void Foreign_or_incomplete_data_is_not_accepted(string json)
    {
        Assert.Null(CardActionData.TryParse(JsonNode.Parse(json)));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("sozialraum")]
    [InlineData("Persoenlich,Sozial")]
    [InlineData("")]
    public void Unknown_enum_values_are_rejected_not_guessed(string area)
    {
        var data = CardActionData.TryParse(JsonNode.Parse($$"""{"verb":"gbb.help.show","requestId":"r","area":"{{area}}"}"""))!;

        Assert.Null(data.Enum<ResourceArea>(CardDataKeys.Area));
    }

    [Fact]
    public void Overlong_or_missing_text_gives_a_clear_message()
    {
        var data = CardActionData.TryParse(new JsonObject { ["verb"] = "gbb.help.show", ["requestId"] = "r", ["text"] = new string('x', 1001) })!;

        Assert.Equal(new MessageView(MessageCode.TextTooLong, "1000").Code, data.CheckText("text", 1000)!.Code);
        Assert.Equal(["1000"], data.CheckText("text", 1000)!.Args);
        Assert.Equal(MessageCode.TextRequired, data.CheckText("missing", 1000)!.Code);
        Assert.Null(data.CheckText("missing", 1000, required: false));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    [InlineData("4.5")]
    public void Bad_numbers_are_null(string minutes)
    {
        var data = CardActionData.TryParse(new JsonObject { ["verb"] = "gbb.help.show", ["requestId"] = "r", ["plannedMinutes"] = minutes })!;

        Assert.Null(data.Number(CardDataKeys.PlannedMinutes));
    }
}

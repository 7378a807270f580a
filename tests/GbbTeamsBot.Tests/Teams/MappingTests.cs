using System.Text.Json;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Cards.ViewModels;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Teams;
using GbbTeamsBot.Teams.Commands;
using GbbTeamsBot.Teams.Mapping;
using GbbTeamsBot.Teams.Resources;
using D = GbbTeamsBot.Domain.Contributions;

namespace GbbTeamsBot.Tests.Teams;

/// <summary>Unit tests of the Teams layer's pure parts: vocabulary mapping, plans, agenda parsing, card data, texts.</summary>
public sealed class MappingTests
{
    [Fact]
    public void Every_card_area_level_domain_light_and_category_maps_to_the_domain_and_back()
    {
        foreach (var area in Enum.GetValues<ResourceArea>())
        {
            Assert.Equal(area, CardVocabulary.Area(CardVocabulary.Area(area)));
        }

        foreach (var level in Enum.GetValues<IdeaLevel>())
        {
            Assert.Equal(level, CardVocabulary.Level(CardVocabulary.Level(level)));
        }

        foreach (var domain in Enum.GetValues<LifeDomain>())
        {
            Assert.Equal(domain, CardVocabulary.Domain(CardVocabulary.Domain(domain)));
        }

        foreach (var light in Enum.GetValues<TrafficLight>())
        {
            Assert.Equal(light, CardVocabulary.Light(CardVocabulary.Light(light)));
        }

        foreach (var category in Enum.GetValues<RoundCategory>().Where(c => c != RoundCategory.Bedarfslage))
        {
            Assert.Equal(category, CardVocabulary.Category(CardVocabulary.Category(category)));
        }
    }

    [Fact]
    public void Every_domain_value_has_a_card_value()
    {
        Assert.Equal(Enum.GetValues<D.ResourceArea>().Length, Enum.GetValues<D.ResourceArea>().Select(CardVocabulary.Area).Distinct().Count());
        Assert.Equal(Enum.GetValues<D.LifeDomain>().Length, Enum.GetValues<D.LifeDomain>().Select(CardVocabulary.Domain).Distinct().Count());
        Assert.Equal(Enum.GetValues<D.NeighbourhoodCategory>().Length, Enum.GetValues<D.NeighbourhoodCategory>().Select(CardVocabulary.Category).Distinct().Count());
        foreach (var method in MethodCatalog.Default.Methods)
        {
            Assert.Equal(method.Id, CardVocabulary.MethodId(CardVocabulary.Method(method.Id)));
        }
    }

    [Fact]
    public void Every_phase_of_the_case_methods_has_its_own_card_kind()
    {
        foreach (var method in MethodCatalog.Default.Methods.Where(m => m.Id != MethodIds.SozialraumRunde))
        {
            var kinds = method.Phases.Select(p => CardVocabulary.Phase(method.Id, p.Key)).ToList();
            Assert.DoesNotContain(PhaseKind.Tagesordnungspunkt, kinds);
            Assert.Equal(kinds.Count, kinds.Distinct().Count());
        }
    }

    [Fact]
    public void Agenda_text_becomes_items_with_methods_pseudonyms_and_timeboxes()
    {
        Assert.True(AgendaCommand.TryParse("Wochenteam: Sozialraum-Runde 15; KB Birke-12 40 Min.; Sonstiges 10", out var title, out var items));

        Assert.Equal("Wochenteam", title);
        Assert.Equal(3, items.Count);
        Assert.Equal(MethodIds.SozialraumRunde, items[0].MethodId);
        Assert.Equal(MethodIds.KollegialeBeratung, items[1].MethodId);
        Assert.Equal("Birke-12", items[1].CaseReference);
        Assert.Equal(TimeSpan.FromMinutes(40), items[1].Timebox);
        Assert.Null(items[2].MethodId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Wochenteam")]
    [InlineData("Wochenteam: Punkt ohne Minuten")]
    public void Agenda_without_items_and_minutes_is_not_accepted(string text) =>
        Assert.False(AgendaCommand.TryParse(text, out _, out _));

    [Fact]
    public void Card_data_reads_only_defined_enum_names_and_numbers_in_range()
    {
        var data = new CardData(JsonSerializer.SerializeToElement(new
        {
            area = "Sozial",
            level = "7",
            light = "purple",
            expectedVersion = "12",
            minutes = 2,
            consent = true,
            due = "15.04.2030",
            requestId = "r1",
            chosenIdeaIds = "c1, c2,c1",
        }));

        Assert.Equal(ResourceArea.Sozial, data.Enum<ResourceArea>("area"));
        Assert.Null(data.Enum<IdeaLevel>("level"));
        Assert.Null(data.Enum<TrafficLight>("light"));
        Assert.Equal(12, data.ExpectedVersion);
        Assert.Equal(2, data.Int("minutes"));
        Assert.True(data.Bool("consent"));
        Assert.Null(data.Date("due", out var invalid));
        Assert.True(invalid);
        Assert.Equal(["c1", "c2"], data.List("chosenIdeaIds"));
        Assert.Equal("29:a|r1", data.RequestKey("29:a"));
        Assert.NotEqual(data.RequestKey("29:a"), data.RequestKey("29:b"));
    }

    [Theory]
    [InlineData("""["gbb.session.next"]""")]
    [InlineData("\"s-1\"")]
    [InlineData("null")]
    [InlineData("""{"sessionId":""}""")]
    [InlineData("""{"sessionId":{"id":"s-1"}}""")]
    public void Card_data_that_is_not_an_object_or_lacks_a_session_id_has_no_session(string json)
    {
        var data = new CardData(JsonDocument.Parse(json).RootElement.Clone());

        Assert.Null(data.SessionId);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("99999999999")]
    [InlineData("4.5")]
    [InlineData("1e3")]
    public void Card_data_numbers_that_are_not_whole_ints_are_null(string value)
    {
        var data = new CardData(JsonSerializer.SerializeToElement(new { plannedMinutes = value, expectedVersion = value }));

        Assert.Null(data.Int("plannedMinutes"));
        Assert.Null(data.ExpectedVersion);
    }

    [Fact]
    public void Card_data_text_is_trimmed_and_overlong_values_are_cut_for_the_domain_to_refuse()
    {
        var data = new CardData(JsonSerializer.SerializeToElement(new { text = "  Nachbarin hilft  ", long_text = new string('x', CardData.MaxValueLength + 10), blank = "   " }));

        Assert.Equal("Nachbarin hilft", data.Text("text"));
        Assert.Equal(CardData.MaxValueLength, data.String("long_text")!.Length);
        Assert.Null(data.Text("blank"));
    }

    [Fact]
    public void Teams_texts_exist_in_german_and_english_with_the_same_keys_and_placeholders()
    {
        var de = TeamsTexts.AllTexts(UiLanguage.German);
        var en = TeamsTexts.AllTexts(UiLanguage.English);

        Assert.Equal(de.Keys.Order(), en.Keys.Order());
        foreach (var (key, text) in de)
        {
            Assert.False(string.IsNullOrWhiteSpace(en[key]), key);
            Assert.Equal(Placeholders(text), Placeholders(en[key]));
        }
    }

    private static IReadOnlyList<string> Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order().ToList();
}

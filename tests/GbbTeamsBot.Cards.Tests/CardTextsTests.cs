namespace GbbTeamsBot.Cards.Tests;

public sealed class CardTextsTests
{
    [Fact]
    public void Every_text_key_exists_in_German_and_English()
    {
        var german = CardTexts.AllTexts(UiLanguage.German);
        var english = CardTexts.AllTexts(UiLanguage.English);

        Assert.NotEmpty(german);
        Assert.Empty(german.Keys.Except(english.Keys).Order());
        Assert.Empty(english.Keys.Except(german.Keys).Order());
    }

    [Fact]
    public void No_text_is_empty_in_either_language()
    {
        foreach (var language in Enum.GetValues<UiLanguage>())
        {
            var empty = CardTexts.AllTexts(language).Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key);
            Assert.Empty(empty);
        }
    }

    [Fact]
    public void Lookup_returns_the_language_specific_text()
    {
        Assert.Equal("hilfe", CardTexts.German["Command_Help_Word"]);
        Assert.Equal("help", CardTexts.English["Command_Help_Word"]);
    }

    [Fact]
    public void Unknown_key_throws_so_missing_texts_fail_tests()
    {
        Assert.Throws<KeyNotFoundException>(() => CardTexts.German["No_Such_Key"]);
    }

    [Fact]
    public void Format_placeholders_match_between_languages()
    {
        var german = CardTexts.AllTexts(UiLanguage.German);
        var english = CardTexts.AllTexts(UiLanguage.English);
        foreach (var (key, value) in german)
        {
            Assert.True(
                Placeholders(value).SetEquals(Placeholders(english[key])),
                $"Placeholders differ for '{key}': '{value}' vs '{english[key]}'");
        }
    }

    private static HashSet<string> Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{(\d+)[^}]*\}").Select(m => m.Groups[1].Value).ToHashSet();

    [Theory]
    [InlineData("en-US", UiLanguage.English)]
    [InlineData("en", UiLanguage.English)]
    [InlineData("EN-gb", UiLanguage.English)]
    [InlineData("de-DE", UiLanguage.German)]
    [InlineData("fr-FR", UiLanguage.German)]
    [InlineData("", UiLanguage.German)]
    [InlineData(null, UiLanguage.German)]
    public void Language_is_English_for_en_locales_and_German_otherwise(string? locale, UiLanguage expected)
    {
        Assert.Equal(expected, UiLanguages.FromLocale(locale));
    }
}

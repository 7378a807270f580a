using System.Globalization;
using System.Resources;
using GbbTeamsBot.Cards;

namespace GbbTeamsBot.Teams.Resources;

/// <summary>
/// Texts of the Teams layer that the card screens do not carry (outcome and privacy cards, @mention notices), in
/// TeamsTexts(.en).resx. German is the neutral language; unknown keys throw so gaps fail tests.
/// </summary>
public sealed class TeamsTexts
{
    private static readonly ResourceManager Resources = new("GbbTeamsBot.Teams.Resources.TeamsTexts", typeof(TeamsTexts).Assembly);

    private readonly CultureInfo _culture;

    private TeamsTexts(UiLanguage language)
    {
        Language = language;
        _culture = language == UiLanguage.English ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.InvariantCulture;
    }

    public static TeamsTexts German { get; } = new(UiLanguage.German);

    public static TeamsTexts English { get; } = new(UiLanguage.English);

    public UiLanguage Language { get; }

    public static TeamsTexts For(UiLanguage language) => language == UiLanguage.English ? English : German;

    public string this[string key] =>
        Resources.GetString(key, _culture) ?? throw new KeyNotFoundException($"Teams text '{key}' is missing.");

    public string Format(string key, params object?[] args) =>
        string.Format(Language == UiLanguage.English ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.GetCultureInfo("de-DE"), this[key], args);

    /// <summary>Test hook: all keys of one language's resource file.</summary>
    public static IReadOnlyDictionary<string, string> AllTexts(UiLanguage language)
    {
        var culture = language == UiLanguage.English ? CultureInfo.GetCultureInfo("en") : CultureInfo.InvariantCulture;
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resource set for {language}.");
        return set.Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string ?? string.Empty, StringComparer.Ordinal);
    }
}

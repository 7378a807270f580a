using System.Globalization;
using System.Resources;

namespace GbbTeamsBot.Cards;

/// <summary>
/// Looks up user-facing texts in Resources/CardTexts(.en).resx for one language.
/// Keys are checked by tests: every key exists in both languages, every screen renders in both.
/// </summary>
public sealed class CardTexts
{
    private static readonly ResourceManager Resources =
        new("GbbTeamsBot.Cards.Resources.CardTexts", typeof(CardTexts).Assembly);

    private CardTexts(UiLanguage language)
    {
        Language = language;
        Culture = language.Culture();
    }

    public static CardTexts German { get; } = new(UiLanguage.German);

    public static CardTexts English { get; } = new(UiLanguage.English);

    public UiLanguage Language { get; }

    public CultureInfo Culture { get; }

    public static CardTexts For(UiLanguage language) => language == UiLanguage.English ? English : German;

    /// <summary>Returns the text for <paramref name="key"/>; throws for unknown keys so gaps fail tests, not users.</summary>
    public string this[string key] =>
        Resources.GetString(key, Culture)
        ?? throw new KeyNotFoundException($"Card text '{key}' is missing.");

    /// <summary>Formats the text for <paramref name="key"/> with the language's culture.</summary>
    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

    /// <summary>Test hook: all keys of one resource file (neutral = German, or English).</summary>
    public static IReadOnlyDictionary<string, string> AllTexts(UiLanguage language)
    {
        var culture = language == UiLanguage.English ? CultureInfo.GetCultureInfo("en") : CultureInfo.InvariantCulture;
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resource set for {language}.");
        return set.Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => e.Value as string ?? string.Empty, StringComparer.Ordinal);
    }
}

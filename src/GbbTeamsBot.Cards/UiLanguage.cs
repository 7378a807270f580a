using System.Globalization;

namespace GbbTeamsBot.Cards;

/// <summary>The languages the bot speaks. German is the default; English for "en*" locales.</summary>
public enum UiLanguage
{
    German,
    English,
}

public static class UiLanguages
{
    /// <summary>Picks the UI language from an activity locale such as "de-DE" or "en-US".</summary>
    public static UiLanguage FromLocale(string? locale) =>
        locale is not null && locale.TrimStart().StartsWith("en", StringComparison.OrdinalIgnoreCase)
            ? UiLanguage.English
            : UiLanguage.German;

    public static CultureInfo Culture(this UiLanguage language) => language switch
    {
        UiLanguage.English => EnglishCulture,
        _ => GermanCulture,
    };

    private static readonly CultureInfo GermanCulture = CultureInfo.GetCultureInfo("de-DE");
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en-GB");
}

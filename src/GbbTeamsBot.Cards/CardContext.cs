using System.Globalization;

namespace GbbTeamsBot.Cards;

/// <summary>
/// Everything a screen builder needs besides its view model: the viewer's language and time zone, the current
/// instant (for "noch 7 Min.") and a source of fresh request ids (one per action, so double clicks are detected).
/// </summary>
public sealed record CardContext
{
    public const string DefaultTimeZoneId = "Europe/Berlin";

    public UiLanguage Language { get; init; } = UiLanguage.German;

    /// <summary>IANA (or Windows) time zone id of the viewer; unknown ids fall back to Europe/Berlin, then UTC.</summary>
    public string TimeZoneId { get; init; } = DefaultTimeZoneId;

    public DateTimeOffset Now { get; init; } = DateTimeOffset.UtcNow;

    public Func<string> NewRequestId { get; init; } = () => Guid.NewGuid().ToString("N");

    /// <summary>The team turned the Microsoft 365 calendar on: a finished session's card offers "Nächsten Termin planen".</summary>
    public bool OfferNextMeeting { get; init; }

    public static CardContext For(UiLanguage language) => new() { Language = language };

    internal CardTexts Texts => CardTexts.For(Language);

    internal CultureInfo Culture => Language.Culture();

    internal DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, ResolveTimeZone(TimeZoneId));

    internal string FormatTime(DateTimeOffset instant) => ToLocal(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    internal string FormatDate(DateOnly date) =>
        date.ToString(Language == UiLanguage.English ? "d MMM yyyy" : "dd.MM.yyyy", Culture);

    internal string FormatDateTime(DateTimeOffset instant) =>
        FormatDate(DateOnly.FromDateTime(ToLocal(instant).DateTime)) + ", " + FormatTime(instant);

    internal DateOnly Today => DateOnly.FromDateTime(ToLocal(Now).DateTime);

    private static TimeZoneInfo ResolveTimeZone(string id)
    {
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            || TimeZoneInfo.TryFindSystemTimeZoneById(DefaultTimeZoneId, out zone))
        {
            return zone;
        }

        return TimeZoneInfo.Utc;
    }
}

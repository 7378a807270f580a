using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GbbTeamsBot.Cards;

namespace GbbTeamsBot.Teams;

/// <summary>
/// Typed reads of a card action's data (static data plus the input values the client merged in). Clients send
/// numbers and booleans as strings or as JSON values; both are accepted. Nothing here trusts the values: every
/// enum must be a defined name, every number within its range.
/// </summary>
public sealed class CardData
{
    /// <summary>Longest string value read from a card; anything longer is cut here and then rejected by the domain's own limits.</summary>
    public const int MaxValueLength = 4_000;

    private readonly JsonElement? _data;

    public CardData(JsonElement? data) => _data = data is { ValueKind: JsonValueKind.Object } ? data : null;

    public bool IsObject => _data is not null;

    public string? SessionId => String(CardDataKeys.SessionId) is { Length: > 0 and <= 128 } id ? id : null;

    public string? RequestId => String(CardDataKeys.RequestId) is { Length: > 0 and <= 128 } id ? id : null;

    public int? ExpectedVersion => Int(CardDataKeys.ExpectedVersion) is >= 0 and var version ? version : null;

    /// <summary>
    /// True when the concurrency and double-click keys are present but unreadable ("1e3", 2^63, -1, an object, an array,
    /// an over-long id). Treating them as absent would skip the version or duplicate check, so such data is refused.
    /// </summary>
    public bool HasMalformedControlValues =>
        (Has(CardDataKeys.ExpectedVersion) && ExpectedVersion is null) || (Has(CardDataKeys.RequestId) && RequestId is null);

    private bool Has(string key) => _data is { } data && data.TryGetProperty(key, out var value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>
    /// The key for double-click detection: the card's request id per user. A shared card carries the same request id
    /// for everyone, so two people pressing the same button are two requests, one person pressing twice is one.
    /// </summary>
    public string? RequestKey(string userId) => RequestId is { } id ? userId + "|" + id : null;

    public string? View => String(CardDataKeys.View);

    public bool ConfirmedDespiteWarnings => Bool(Mapping.TeamsCardData.Confirmed) == true;

    public string? String(string key)
    {
        if (_data is not { } data || !data.TryGetProperty(key, out var value))
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
        return text is { Length: > MaxValueLength } ? text[..MaxValueLength] : text;
    }

    /// <summary>A trimmed text, or null when absent or blank.</summary>
    public string? Text(string key) => String(key)?.Trim() is { Length: > 0 } t ? t : null;

    public int? Int(string key) =>
        int.TryParse(String(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    public bool? Bool(string key) => String(key)?.Trim().ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => null,
    };

    /// <summary>A defined enum member by name (case-insensitive); numbers and unknown names give null.</summary>
    public TEnum? Enum<TEnum>(string key)
        where TEnum : struct, System.Enum
    {
        var raw = String(key)?.Trim();
        if (string.IsNullOrEmpty(raw) || char.IsAsciiDigit(raw[0]) || raw[0] == '-')
        {
            return null;
        }

        return System.Enum.TryParse<TEnum>(raw, ignoreCase: true, out var value) && System.Enum.IsDefined(value) ? value : null;
    }

    /// <summary>Comma separated ids (multi-select choice sets).</summary>
    public IReadOnlyList<string> List(string key) =>
        (String(key) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .Take(200)
            .ToList();

    public DateOnly? Date(string key, out bool invalid)
    {
        invalid = false;
        var raw = Text(key);
        if (raw is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        invalid = true;
        return null;
    }

    /// <summary>The data as a mutable object, e.g. to repeat the action with a confirmation.</summary>
    public JsonObject ToJsonObject() =>
        _data is { } data ? JsonNode.Parse(data.GetRawText()) as JsonObject ?? [] : [];
}

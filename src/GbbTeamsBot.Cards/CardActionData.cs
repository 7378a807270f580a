using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards;

/// <summary>
/// Reads what a card action sends back: <c>value.action.data</c> of an adaptiveCard/action invoke, or the
/// <c>value</c> of the message an Action.Submit fallback produces. Input values arrive as strings; the static
/// data as written by the builders. Everything is checked: unknown enum names, numbers out of range or overlong
/// text are reported, never guessed.
/// </summary>
public sealed class CardActionData
{
    private readonly JsonObject _data;

    private CardActionData(JsonObject data, string verb, string requestId, string? sessionId, long? expectedVersion)
    {
        _data = data;
        Verb = verb;
        RequestId = requestId;
        SessionId = sessionId;
        ExpectedVersion = expectedVersion;
    }

    public string Verb { get; }

    public string RequestId { get; }

    public string? SessionId { get; }

    public long? ExpectedVersion { get; }

    /// <summary>
    /// Parses the data; null when it is not one of ours: no gbb verb, no request id, or a session verb without
    /// session id and version. <paramref name="verb"/> (Action.Execute's own verb) wins over data.verb.
    /// </summary>
    public static CardActionData? TryParse(JsonNode? data, string? verb = null)
    {
        if (data is not JsonObject obj)
        {
            return null;
        }

        verb ??= String(obj[CardDataKeys.Verb]);
        var requestId = String(obj[CardDataKeys.RequestId]);
        if (verb is null || !verb.StartsWith("gbb.", StringComparison.Ordinal) || verb.Length > 64
            || string.IsNullOrWhiteSpace(requestId) || requestId.Length > 64)
        {
            return null;
        }

        var sessionId = String(obj[CardDataKeys.SessionId]);
        var version = Long(obj[CardDataKeys.ExpectedVersion]);
        if (CardVerbs.SessionVerbs.Contains(verb) && (string.IsNullOrWhiteSpace(sessionId) || version is null))
        {
            return null;
        }

        return new CardActionData(obj, verb, requestId, sessionId, version);
    }

    /// <summary>Trimmed text, or null when absent or blank.</summary>
    public string? Text(string key) => String(_data[key])?.Trim() is { Length: > 0 } text ? text : null;

    /// <summary>Checks a text input: required and at most <paramref name="maxLength"/> characters.</summary>
    public MessageView? CheckText(string key, int maxLength, bool required = true)
    {
        var text = Text(key);
        if (text is null)
        {
            return required ? new MessageView(MessageCode.TextRequired) : null;
        }

        return text.Length > maxLength
            ? new MessageView(MessageCode.TextTooLong, maxLength.ToString(CultureInfo.InvariantCulture))
            : null;
    }

    /// <summary>An enum value by its exact name (as the choice sets send it); null for absent or unknown names.</summary>
    public TEnum? Enum<TEnum>(string key)
        where TEnum : struct, Enum =>
        Text(key) is { } name && System.Enum.GetNames<TEnum>().Contains(name, StringComparer.Ordinal)
            ? System.Enum.Parse<TEnum>(name)
            : null;

    /// <summary>Toggle inputs send "true" / "false".</summary>
    public bool Flag(string key) => _data[key] switch
    {
        JsonValue v when v.TryGetValue(out bool b) => b,
        JsonValue v when v.TryGetValue(out string? s) => string.Equals(s, "true", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };

    /// <summary>Multi-select choice sets send comma separated values.</summary>
    public IReadOnlyList<string> List(string key) =>
        Text(key)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray()
        ?? [];

    /// <summary>A whole number (Input.Number or static data); null when absent, not whole or out of int range.</summary>
    public int? Number(string key) => Long(_data[key]) is { } value and >= int.MinValue and <= int.MaxValue ? (int)value : null;

    /// <summary>Input.Date sends yyyy-MM-dd.</summary>
    public DateOnly? Date(string key) =>
        DateOnly.TryParseExact(Text(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string? String(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    private static long? Long(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.GetValueKind() == JsonValueKind.Number)
        {
            return value.TryGetValue(out long l) ? l
                : value.TryGetValue(out double d) && Math.Abs(d % 1) < double.Epsilon && d is >= long.MinValue and <= long.MaxValue ? (long)d
                : null;
        }

        return value.TryGetValue(out string? s) && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }
}

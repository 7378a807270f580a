using System.Text.Json.Nodes;

namespace GbbTeamsBot.Cards.Tests;

/// <summary>Small queries over a serialized card, for behaviour tests.</summary>
internal static class CardJson
{
    /// <summary>All objects in the card body and actions (not action data, fallbacks or the refresh).</summary>
    public static IEnumerable<JsonObject> Elements(JsonObject card) => Descendants(card).Skip(1);

    public static IReadOnlyList<JsonObject> Executes(AdaptiveCard card) =>
        Elements(card.ToJson()).Where(e => (string?)e["type"] == "Action.Execute").ToArray();

    public static IReadOnlyList<string> Verbs(AdaptiveCard card) =>
        Executes(card).Select(e => (string)e["verb"]!).ToArray();

    public static IReadOnlyList<string> InputIds(AdaptiveCard card) =>
        Elements(card.ToJson())
            .Where(e => ((string?)e["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true)
            .Select(e => (string)e["id"]!)
            .ToArray();

    public static JsonObject Input(AdaptiveCard card, string id) =>
        Elements(card.ToJson()).Single(e => (string?)e["id"] == id && ((string?)e["type"])!.StartsWith("Input.", StringComparison.Ordinal));

    /// <summary>Every text a user can read: TextBlock texts, TextRun texts and fact titles/values.</summary>
    public static string AllText(AdaptiveCard card) => string.Join("\n", Elements(card.ToJson())
        .SelectMany(e => new[] { Str(e["text"]), Str(e["title"]), e["type"] is null ? Str(e["value"]) : null })
        .Where(s => s is not null));

    private static string? Str(JsonNode? node) => node is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    /// <summary>The node and every object below it; action data is payload, not card structure, and the refresh action is checked on its own.</summary>
    public static IEnumerable<JsonObject> Descendants(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (key, child) in obj)
                {
                    if (key is "data" or "fallback" or "refresh")
                    {
                        continue;
                    }

                    foreach (var d in Descendants(child))
                    {
                        yield return d;
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    foreach (var d in Descendants(child))
                    {
                        yield return d;
                    }
                }

                break;
        }
    }
}

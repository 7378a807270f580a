using System.Text.Json;
using System.Text.Json.Nodes;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.Cards.Tests.Validation;

public sealed record CardEvent(string Phase, string Event, string Message, string? Source)
{
    public override string ToString() => $"{Phase}/{Event} ({Source}): {Message}";
}

/// <summary>
/// Parses and validates many cards with the official adaptivecards library (Teams host config) in ONE node
/// process, and adds the checks the library leaves out.
/// </summary>
internal static class CardValidator
{
    private static readonly JsonSerializerOptions CaseInsensitive = new() { PropertyNameCaseInsensitive = true };

    public static IReadOnlyDictionary<string, IReadOnlyList<CardEvent>> Validate(IEnumerable<(string Name, JsonObject Card)> cards)
    {
        var list = cards.ToArray();
        var input = new JsonArray(list.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["card"] = c.Card.DeepClone() }).ToArray());
        var file = Path.Combine(Path.GetTempPath(), $"gbb-cards-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, input.ToJsonString());
        try
        {
            var output = NodeScripts.Run(
                Path.Combine(AppContext.BaseDirectory, "Validation", "validate-cards.js"),
                TimeSpan.FromMinutes(2),
                NodeScripts.RequirePackages("adaptivecards"),
                Path.Combine(AppContext.BaseDirectory, "Validation", "teams-hostconfig.json"),
                file);
            var results = JsonSerializer.Deserialize<List<Result>>(output, CaseInsensitive)
                ?? throw new InvalidOperationException("The validator printed nothing.");
            return results.ToDictionary(
                r => r.Name,
                r => (IReadOnlyList<CardEvent>)r.Events.Concat(CardLint.Check(list.Single(c => c.Name == r.Name).Card)).ToArray(),
                StringComparer.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private sealed record Result(string Name, List<CardEvent> Events);
}

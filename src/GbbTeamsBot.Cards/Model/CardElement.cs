using System.Text.Json.Nodes;

namespace GbbTeamsBot.Cards;

/// <summary>Base of every body element: the properties all elements share.</summary>
public abstract record CardElement
{
    public string? Id { get; init; }

    public Spacing? Spacing { get; init; }

    public bool Separator { get; init; }

    /// <summary>Hidden elements can be shown with Action.ToggleVisibility.</summary>
    public bool IsVisible { get; init; } = true;

    protected abstract string TypeName { get; }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = TypeName };
        if (Id is not null)
        {
            json["id"] = Id;
        }

        if (Spacing is { } spacing)
        {
            json["spacing"] = JsonNames.Of(spacing);
        }

        if (Separator)
        {
            json["separator"] = true;
        }

        if (!IsVisible)
        {
            json["isVisible"] = false;
        }

        WriteProperties(json);
        return json;
    }

    protected abstract void WriteProperties(JsonObject json);

    internal static JsonArray ToArray(IEnumerable<CardElement> elements) =>
        new(elements.Select(e => (JsonNode)e.ToJson()).ToArray());
}

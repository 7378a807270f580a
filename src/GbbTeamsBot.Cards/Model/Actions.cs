using System.Text.Json.Nodes;

namespace GbbTeamsBot.Cards;

public abstract record CardAction(string Title)
{
    public string? Id { get; init; }

    public ActionStyle Style { get; init; }

    /// <summary>Shown instead where the client does not support this action type.</summary>
    public CardAction? Fallback { get; init; }

    protected abstract string TypeName { get; }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = TypeName, ["title"] = Title };
        if (Id is not null)
        {
            json["id"] = Id;
        }

        if (Style != ActionStyle.Default)
        {
            json["style"] = JsonNames.Of(Style);
        }

        WriteProperties(json);
        if (Fallback is not null)
        {
            json["fallback"] = Fallback.ToJson();
        }

        return json;
    }

    protected abstract void WriteProperties(JsonObject json);

    internal static JsonArray ToArray(IEnumerable<CardAction> actions) =>
        new(actions.Select(a => (JsonNode)a.ToJson()).ToArray());
}

/// <summary>Universal Action: arrives as invoke "adaptiveCard/action" with the verb and the merged data.</summary>
public sealed record ExecuteAction(string Title, string Verb, JsonObject Data) : CardAction(Title)
{
    public AssociatedInputs AssociatedInputs { get; init; }

    protected override string TypeName => "Action.Execute";

    protected override void WriteProperties(JsonObject json)
    {
        json["verb"] = Verb;
        json["data"] = Data.DeepClone();
        if (AssociatedInputs != AssociatedInputs.Auto)
        {
            json["associatedInputs"] = JsonNames.Of(AssociatedInputs);
        }
    }
}

/// <summary>Arrives as a message activity whose value is the data merged with the inputs.</summary>
public sealed record SubmitAction(string Title, JsonObject Data) : CardAction(Title)
{
    public AssociatedInputs AssociatedInputs { get; init; }

    protected override string TypeName => "Action.Submit";

    protected override void WriteProperties(JsonObject json)
    {
        json["data"] = Data.DeepClone();
        if (AssociatedInputs != AssociatedInputs.Auto)
        {
            json["associatedInputs"] = JsonNames.Of(AssociatedInputs);
        }
    }
}

public sealed record ShowCardAction(string Title, AdaptiveCard Card) : CardAction(Title)
{
    protected override string TypeName => "Action.ShowCard";

    protected override void WriteProperties(JsonObject json) => json["card"] = Card.ToJson(nested: true);
}

public sealed record ToggleVisibilityAction(string Title, IReadOnlyList<string> TargetElementIds) : CardAction(Title)
{
    protected override string TypeName => "Action.ToggleVisibility";

    protected override void WriteProperties(JsonObject json) =>
        json["targetElements"] = new JsonArray(TargetElementIds.Select(id => (JsonNode)JsonValue.Create(id)).ToArray());
}

public sealed record OpenUrlAction(string Title, Uri Url) : CardAction(Title)
{
    protected override string TypeName => "Action.OpenUrl";

    protected override void WriteProperties(JsonObject json) => json["url"] = Url.ToString();
}

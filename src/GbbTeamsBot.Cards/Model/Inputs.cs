using System.Globalization;
using System.Text.Json.Nodes;

namespace GbbTeamsBot.Cards;

/// <summary>Inputs always carry an id (their value arrives under it in the action data) and a label.</summary>
public abstract record InputElement : CardElement
{
    protected InputElement(string id, string label)
    {
        Id = id;
        Label = label;
    }

    public string Label { get; init; }

    public bool IsRequired { get; init; }

    /// <summary>Shown by the client when a required input is empty; required inputs must have one.</summary>
    public string? ErrorMessage { get; init; }

    protected sealed override void WriteProperties(JsonObject json)
    {
        json["label"] = Label;
        if (IsRequired)
        {
            json["isRequired"] = true;
        }

        if (ErrorMessage is not null)
        {
            json["errorMessage"] = ErrorMessage;
        }

        WriteInputProperties(json);
    }

    protected abstract void WriteInputProperties(JsonObject json);
}

public sealed record TextInput(string InputId, string InputLabel) : InputElement(InputId, InputLabel)
{
    public string? Placeholder { get; init; }

    public string? Value { get; init; }

    public bool IsMultiline { get; init; }

    public int? MaxLength { get; init; }

    protected override string TypeName => "Input.Text";

    protected override void WriteInputProperties(JsonObject json)
    {
        if (Placeholder is not null)
        {
            json["placeholder"] = Placeholder;
        }

        if (Value is not null)
        {
            json["value"] = Value;
        }

        if (IsMultiline)
        {
            json["isMultiline"] = true;
        }

        if (MaxLength is { } maxLength)
        {
            json["maxLength"] = maxLength;
        }
    }
}

public sealed record Choice(string Title, string Value);

public sealed record ChoiceSetInput(string InputId, string InputLabel, IReadOnlyList<Choice> Choices)
    : InputElement(InputId, InputLabel)
{
    public ChoiceInputStyle Style { get; init; }

    public bool IsMultiSelect { get; init; }

    /// <summary>Preselected value(s); several values are comma separated.</summary>
    public string? Value { get; init; }

    public string? Placeholder { get; init; }

    protected override string TypeName => "Input.ChoiceSet";

    protected override void WriteInputProperties(JsonObject json)
    {
        json["choices"] = new JsonArray(Choices
            .Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })
            .ToArray());
        if (Style != ChoiceInputStyle.Compact)
        {
            json["style"] = JsonNames.Of(Style);
        }

        if (IsMultiSelect)
        {
            json["isMultiSelect"] = true;
        }

        if (Value is not null)
        {
            json["value"] = Value;
        }

        if (Placeholder is not null)
        {
            json["placeholder"] = Placeholder;
        }
    }
}

public sealed record DateInput(string InputId, string InputLabel) : InputElement(InputId, InputLabel)
{
    public DateOnly? Value { get; init; }

    public DateOnly? Min { get; init; }

    public DateOnly? Max { get; init; }

    protected override string TypeName => "Input.Date";

    protected override void WriteInputProperties(JsonObject json)
    {
        if (Value is { } value)
        {
            json["value"] = Iso(value);
        }

        if (Min is { } min)
        {
            json["min"] = Iso(min);
        }

        if (Max is { } max)
        {
            json["max"] = Iso(max);
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record NumberInput(string InputId, string InputLabel) : InputElement(InputId, InputLabel)
{
    public double? Value { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    public string? Placeholder { get; init; }

    protected override string TypeName => "Input.Number";

    protected override void WriteInputProperties(JsonObject json)
    {
        if (Value is { } value)
        {
            json["value"] = value;
        }

        if (Min is { } min)
        {
            json["min"] = min;
        }

        if (Max is { } max)
        {
            json["max"] = max;
        }

        if (Placeholder is not null)
        {
            json["placeholder"] = Placeholder;
        }
    }
}

public sealed record ToggleInput(string InputId, string InputLabel, string Title) : InputElement(InputId, InputLabel)
{
    public bool Value { get; init; }

    protected override string TypeName => "Input.Toggle";

    // valueOn/valueOff keep their defaults "true"/"false", which is what the handlers parse.
    protected override void WriteInputProperties(JsonObject json)
    {
        json["title"] = Title;
        json["value"] = Value ? "true" : "false";
    }
}

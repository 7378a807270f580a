using System.Text.Json.Nodes;

namespace GbbTeamsBot.Cards;

public sealed record TextBlock(string Text) : CardElement
{
    public TextSize Size { get; init; }

    public TextWeight Weight { get; init; }

    public TextColor Color { get; init; }

    public bool IsSubtle { get; init; }

    public bool Wrap { get; init; } = true;

    public int? MaxLines { get; init; }

    public HorizontalAlignment? HorizontalAlignment { get; init; }

    /// <summary>"heading" marks the text as a heading for screen readers (schema 1.5).</summary>
    public bool IsHeading { get; init; }

    protected override string TypeName => "TextBlock";

    protected override void WriteProperties(JsonObject json)
    {
        json["text"] = Text;
        if (Wrap)
        {
            json["wrap"] = true;
        }

        TextStyle.Write(json, Size, Weight, Color, IsSubtle);

        if (MaxLines is { } maxLines)
        {
            json["maxLines"] = maxLines;
        }

        if (HorizontalAlignment is { } alignment)
        {
            json["horizontalAlignment"] = JsonNames.Of(alignment);
        }

        if (IsHeading)
        {
            json["style"] = "heading";
        }
    }
}

public sealed record TextRun(string Text)
{
    public TextSize Size { get; init; }

    public TextWeight Weight { get; init; }

    public TextColor Color { get; init; }

    public bool Italic { get; init; }

    public bool IsSubtle { get; init; }

    public bool Highlight { get; init; }

    public JsonObject ToJson()
    {
        var json = new JsonObject { ["type"] = "TextRun", ["text"] = Text };
        TextStyle.Write(json, Size, Weight, Color, IsSubtle);
        if (Italic)
        {
            json["italic"] = true;
        }

        if (Highlight)
        {
            json["highlight"] = true;
        }

        return json;
    }
}

/// <summary>Text runs are never read as markdown, so user text in them stays plain text.</summary>
public sealed record RichTextBlock(IReadOnlyList<TextRun> Inlines) : CardElement
{
    protected override string TypeName => "RichTextBlock";

    protected override void WriteProperties(JsonObject json) =>
        json["inlines"] = new JsonArray(Inlines.Select(r => (JsonNode)r.ToJson()).ToArray());
}

public sealed record Fact(string Title, string Value);

public sealed record FactSet(IReadOnlyList<Fact> Facts) : CardElement
{
    protected override string TypeName => "FactSet";

    protected override void WriteProperties(JsonObject json) =>
        json["facts"] = new JsonArray(Facts
            .Select(f => (JsonNode)new JsonObject { ["title"] = f.Title, ["value"] = f.Value })
            .ToArray());
}

public sealed record Container(IReadOnlyList<CardElement> Items) : CardElement
{
    public ContainerStyle Style { get; init; }

    public bool Bleed { get; init; }

    public VerticalAlignment? VerticalContentAlignment { get; init; }

    protected override string TypeName => "Container";

    protected override void WriteProperties(JsonObject json)
    {
        json["items"] = ToArray(Items);
        if (Style != ContainerStyle.Default)
        {
            json["style"] = JsonNames.Of(Style);
        }

        if (Bleed)
        {
            json["bleed"] = true;
        }

        if (VerticalContentAlignment is { } alignment)
        {
            json["verticalContentAlignment"] = JsonNames.Of(alignment);
        }
    }
}

/// <summary>Column width: "auto", "stretch", a relative weight or a pixel width.</summary>
public readonly record struct ColumnWidth
{
    private readonly string? _keyword;
    private readonly int _value;
    private readonly bool _pixels;

    private ColumnWidth(string? keyword, int value, bool pixels)
    {
        _keyword = keyword;
        _value = value;
        _pixels = pixels;
    }

    public static ColumnWidth Auto { get; } = new("auto", 0, false);

    public static ColumnWidth Stretch { get; } = new("stretch", 0, false);

    public static ColumnWidth Weighted(int weight) => new(null, weight, false);

    public static ColumnWidth Pixels(int pixels) => new(null, pixels, true);

    internal JsonNode ToJson() =>
        _keyword is not null ? JsonValue.Create(_keyword)
        : _pixels ? JsonValue.Create($"{_value}px")
        : JsonValue.Create(_value);
}

public sealed record Column(IReadOnlyList<CardElement> Items) : CardElement
{
    public ColumnWidth? Width { get; init; }

    public ContainerStyle Style { get; init; }

    public bool Bleed { get; init; }

    public VerticalAlignment? VerticalContentAlignment { get; init; }

    protected override string TypeName => "Column";

    protected override void WriteProperties(JsonObject json)
    {
        json["items"] = ToArray(Items);
        if (Width is { } width)
        {
            json["width"] = width.ToJson();
        }

        if (Style != ContainerStyle.Default)
        {
            json["style"] = JsonNames.Of(Style);
        }

        if (Bleed)
        {
            json["bleed"] = true;
        }

        if (VerticalContentAlignment is { } alignment)
        {
            json["verticalContentAlignment"] = JsonNames.Of(alignment);
        }
    }
}

public sealed record ColumnSet(IReadOnlyList<Column> Columns) : CardElement
{
    public ContainerStyle Style { get; init; }

    protected override string TypeName => "ColumnSet";

    protected override void WriteProperties(JsonObject json)
    {
        json["columns"] = ToArray(Columns);
        if (Style != ContainerStyle.Default)
        {
            json["style"] = JsonNames.Of(Style);
        }
    }
}

public sealed record Image(Uri Url) : CardElement
{
    public string? AltText { get; init; }

    public ImageSize Size { get; init; }

    public ImageStyle Style { get; init; }

    protected override string TypeName => "Image";

    protected override void WriteProperties(JsonObject json)
    {
        json["url"] = Url.ToString();
        if (AltText is not null)
        {
            json["altText"] = AltText;
        }

        if (Size != ImageSize.Auto)
        {
            json["size"] = JsonNames.Of(Size);
        }

        if (Style != ImageStyle.Default)
        {
            json["style"] = JsonNames.Of(Style);
        }
    }
}

public sealed record ActionSet(IReadOnlyList<CardAction> Actions) : CardElement
{
    protected override string TypeName => "ActionSet";

    protected override void WriteProperties(JsonObject json) => json["actions"] = CardAction.ToArray(Actions);
}

/// <summary>The text style TextBlock and TextRun share; defaults are left out so cards stay small.</summary>
internal static class TextStyle
{
    public static void Write(JsonObject json, TextSize size, TextWeight weight, TextColor color, bool isSubtle)
    {
        if (size != TextSize.Default)
        {
            json["size"] = JsonNames.Of(size);
        }

        if (weight != TextWeight.Default)
        {
            json["weight"] = JsonNames.Of(weight);
        }

        if (color != TextColor.Default)
        {
            json["color"] = JsonNames.Of(color);
        }

        if (isSubtle)
        {
            json["isSubtle"] = true;
        }
    }
}

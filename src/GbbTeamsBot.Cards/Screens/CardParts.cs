using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>Building blocks shared by the screens, so all cards look alike.</summary>
internal static class CardParts
{
    /// <summary>
    /// Coloured title band: title, optional subtitle. The subtitle (and a title marked as user text) is plain text,
    /// because it carries user input such as the case pseudonym.
    /// </summary>
    public static Container Header(string title, string? subtitle = null, bool titleIsUserText = false)
    {
        var items = new List<CardElement>
        {
            titleIsUserText
                ? Plain(title, TextSize.Large, TextWeight.Bolder)
                : new TextBlock(title) { Size = TextSize.Large, Weight = TextWeight.Bolder, IsHeading = true },
        };
        if (subtitle is not null)
        {
            items.Add(Plain(subtitle, subtle: true) with { Spacing = Spacing.None });
        }

        return new Container(items) { Style = ContainerStyle.Emphasis, Bleed = true };
    }

    /// <summary>User text as a single text run: never interpreted as markdown (no injected links or formatting).</summary>
    public static RichTextBlock Plain(
        string text,
        TextSize size = TextSize.Default,
        TextWeight weight = TextWeight.Default,
        TextColor color = TextColor.Default,
        bool subtle = false) =>
        new([new TextRun(text) { Size = size, Weight = weight, Color = color, IsSubtle = subtle }]);

    public static Container Notice(CardTexts t, MessageView message, bool isError) =>
        new([new TextBlock((isError ? "⚠ " : "✓ ") + t.Text(message)) { Color = isError ? TextColor.Attention : TextColor.Good, Weight = TextWeight.Bolder }])
        {
            Style = isError ? ContainerStyle.Attention : ContainerStyle.Good,
            Spacing = Spacing.Small,
        };

    public static TextBlock SectionTitle(string text) =>
        new(text) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Separator = true };

    public static TextBlock Hint(string text) => new(text) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Small };

    public static RichTextBlock Bullet(string text) => Plain("• " + text) with { Spacing = Spacing.None };

    public static TextBlock PrivacyNote(CardTexts t) => Hint(t["Common_PrivacyNote"]);

    /// <summary>Shortens user text so cards stay small; the full text stays in the protocol and record text.</summary>
    public static string Clip(string text, int maxChars)
    {
        var trimmed = text.Trim();
        return trimmed.Length <= maxChars ? trimmed : string.Concat(trimmed.AsSpan(0, Math.Max(1, maxChars - 1)).TrimEnd(), "…");
    }

    /// <summary>
    /// Builds with decreasing text and item limits until the card fits <see cref="CardLimits.MaxCardBytes"/>.
    /// Typical sessions fit at the first step; huge ones still produce a card Teams accepts.
    /// </summary>
    public static AdaptiveCard Fit(Func<DisplayLimits, AdaptiveCard> build)
    {
        AdaptiveCard card = null!;
        foreach (var limits in DisplayLimits.Steps)
        {
            card = build(limits);
            if (System.Text.Encoding.UTF8.GetByteCount(card.ToJsonString()) < CardLimits.MaxCardBytes - 1024)
            {
                return card;
            }
        }

        return card;
    }
}

/// <summary>How much user text a card shows: characters per entry and entries per list.</summary>
internal sealed record DisplayLimits(int TextChars, int Items)
{
    public static IReadOnlyList<DisplayLimits> Steps { get; } =
    [
        new(600, 200),
        new(300, 120),
        new(160, 80),
        new(80, 50),
        new(40, 30),
        new(40, 12),
    ];

    /// <summary>Entries per list when every entry carries its own buttons (each with data and a fallback).</summary>
    public int ItemsWithActions => Math.Max(4, Items / 4);
}

using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

internal static class AgreementParts
{
    /// <summary>"• What – Who (Party), bis 12.03.2026" with done and overdue marks.</summary>
    public static RichTextBlock Line(CardTexts t, CardContext context, AgreementView a, int maxChars)
    {
        var runs = new List<TextRun>
        {
            new((a.IsDone ? "✓ " : "• ") + CardParts.Clip(a.What, maxChars)) { Weight = TextWeight.Bolder, IsSubtle = a.IsDone },
            new(" – " + CardParts.Clip(a.Who, 80) + " (" + t.Name(a.Party) + ")"),
        };
        if (a.IsCoordinator)
        {
            runs.Add(new TextRun(" · " + t["Agreements_Coordinator"]) { Color = TextColor.Accent });
        }

        if (a.Due is { } due)
        {
            var overdue = !a.IsDone && due < context.Today;
            runs.Add(new TextRun(" · " + t.Format("Agreements_Due", context.FormatDate(due)))
            {
                Color = overdue ? TextColor.Attention : TextColor.Default,
                Weight = overdue ? TextWeight.Bolder : TextWeight.Default,
            });
        }

        return new RichTextBlock(runs) { Spacing = Spacing.Small };
    }
}

using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

internal static class AgreementParts
{
    /// <summary>
    /// "Frau K. (Person)", or just "Person" when the "Wer" text only repeats the party (or is empty), so the card never
    /// says "Die Person (Person)".
    /// </summary>
    public static string Owner(CardTexts t, AgreementView a)
    {
        var party = t.Name(a.Party);
        var who = a.Who.Trim();
        if (who.Length == 0 || Repeats(who, party) || Repeats(who, a.Party.ToString()))
        {
            return party;
        }

        return who + " (" + party + ")";
    }

    private static bool Repeats(string who, string party)
    {
        var words = who.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var last = words.Length == 0 ? who : words[^1];
        return string.Equals(who, party, StringComparison.OrdinalIgnoreCase)
            || (words.Length <= 2 && string.Equals(last, party, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>"• What – Who (Party), bis 12.03.2026" with done and overdue marks.</summary>
    public static RichTextBlock Line(CardTexts t, CardContext context, AgreementView a, int maxChars)
    {
        var runs = new List<TextRun>
        {
            new((a.IsDone ? "✓ " : "• ") + CardParts.Clip(a.What, maxChars)) { Weight = TextWeight.Bolder, IsSubtle = a.IsDone },
            new(" – " + CardParts.Clip(Owner(t, a), 100)),
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

using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>
/// Ampeltorte: one row per life domain, the domain's name on its own line (German words such as
/// "Beschäftigung" never break), then its three segments green / yellow / red side by side as equally wide coloured
/// columns - equal on purpose, so red does not dominate - each holding its entries as wrapping text.
/// </summary>
public static class AmpeltorteCard
{
    private static readonly TrafficLight[] Lights = [TrafficLight.Green, TrafficLight.Yellow, TrafficLight.Red];

    public static AdaptiveCard Build(AmpeltorteView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        return CardParts.Fit(limits => Build(view, context, limits));
    }

    private static AdaptiveCard Build(AmpeltorteView view, CardContext context, DisplayLimits limits)
    {
        var t = context.Texts;
        var actions = new CardActions(context, view.Session);
        var body = new List<CardElement>
        {
            CardParts.Header(t["Ampeltorte_Title"], t.Format("Common_CaseLine", view.CasePseudonym)),
            new TextBlock(t["Ampeltorte_Intro"]) { Spacing = Spacing.Small },
        };

        var perCell = Math.Max(2, limits.Items / 15);
        foreach (var domain in Enum.GetValues<LifeDomain>())
        {
            body.Add(new TextBlock(t.Name(domain)) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Separator = true });
            body.Add(new ColumnSet([.. Lights.Select(light => Cell(t, view.Entries.Where(e => e.Domain == domain && e.Light == light).ToArray(), light, perCell, limits.TextChars))])
            {
                Spacing = Spacing.Small,
            });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = [actions.Execute(t["View_BackToSession"], CardVerbs.ViewShow, new JsonObject { [CardDataKeys.View] = CardViews.Live })],
            FallbackText = t["Ampeltorte_Title"],
        };
    }

    /// <summary>One segment: its colour's name as a small heading (so the colour is not the only cue) and its entries.</summary>
    private static Column Cell(CardTexts t, IReadOnlyList<ContributionView> entries, TrafficLight light, int maxItems, int maxChars)
    {
        var items = new List<CardElement> { new TextBlock(t.Name(light)) { Size = TextSize.Small, IsSubtle = true } };
        if (entries.Count == 0)
        {
            items.Add(new TextBlock("–") { IsSubtle = true, Spacing = Spacing.None });
        }

        items.AddRange(entries.Take(maxItems).Select(e => (CardElement)(CardParts.Plain(CardParts.Clip(e.Text, maxChars), TextSize.Small) with { Spacing = Spacing.Small })));
        if (entries.Count > maxItems)
        {
            items.Add(CardParts.Hint(t.Format("Common_MoreEntries", entries.Count - maxItems)));
        }

        return new Column(items) { Width = ColumnWidth.Weighted(1), Style = ContributionParts.LightStyle(light) };
    }
}

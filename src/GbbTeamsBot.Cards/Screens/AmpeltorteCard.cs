using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>
/// Ampeltorte: the five life domains as rows, green / yellow / red as equally wide coloured columns -
/// equal on purpose, so red does not dominate.
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
            new ColumnSet([
                new Column([]) { Width = ColumnWidth.Weighted(1) },
                .. Lights.Select(light => new Column([
                    new TextBlock(t.Name(light)) { Weight = TextWeight.Bolder, HorizontalAlignment = HorizontalAlignment.Center },
                ])
                {
                    Width = ColumnWidth.Weighted(1),
                    Style = ContributionParts.LightStyle(light),
                }),
            ]) { Spacing = Spacing.Medium },
        };

        var perCell = Math.Max(2, limits.Items / 15);
        foreach (var domain in Enum.GetValues<LifeDomain>())
        {
            body.Add(new ColumnSet([
                new Column([new TextBlock(t.Name(domain)) { Weight = TextWeight.Bolder }]) { Width = ColumnWidth.Weighted(1), VerticalContentAlignment = VerticalAlignment.Center },
                .. Lights.Select(light => Cell(t, view.Entries.Where(e => e.Domain == domain && e.Light == light).ToArray(), light, perCell, limits.TextChars)),
            ])
            {
                Spacing = Spacing.Small,
                Separator = true,
            });
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = [actions.Execute(t["View_BackToSession"], CardVerbs.ViewShow, new JsonObject { [CardDataKeys.View] = CardViews.Live })],
            FallbackText = t["Ampeltorte_Title"],
        };
    }

    private static Column Cell(CardTexts t, IReadOnlyList<ContributionView> entries, TrafficLight light, int maxItems, int maxChars)
    {
        var items = entries.Count == 0
            ? [new TextBlock("–") { IsSubtle = true, HorizontalAlignment = HorizontalAlignment.Center }]
            : entries.Take(maxItems).Select(e => (CardElement)(CardParts.Plain(CardParts.Clip(e.Text, maxChars), TextSize.Small) with { Spacing = Spacing.Small })).ToList();
        if (entries.Count > maxItems)
        {
            items.Add(CardParts.Hint(t.Format("Common_MoreEntries", entries.Count - maxItems)));
        }

        return new Column(items) { Width = ColumnWidth.Weighted(1), Style = ContributionParts.LightStyle(light) };
    }
}

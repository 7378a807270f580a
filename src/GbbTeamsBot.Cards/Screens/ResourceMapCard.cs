using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>Ressourcenkarte: five areas as tiles, two per row, each listing its resources.</summary>
public static class ResourceMapCard
{
    public static AdaptiveCard Build(ResourceMapView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        return CardParts.Fit(limits => Build(view, context, limits));
    }

    private static AdaptiveCard Build(ResourceMapView view, CardContext context, DisplayLimits limits)
    {
        var t = context.Texts;
        var actions = new CardActions(context, view.Session);
        var body = new List<CardElement>
        {
            CardParts.Header(t["ResourceMap_Title"], t.Format("Common_CaseLine", view.CasePseudonym)),
            new TextBlock(t["ResourceMap_Intro"]) { Spacing = Spacing.Small },
        };

        var perArea = Math.Max(3, limits.Items / 5);
        var tiles = Enum.GetValues<ResourceArea>()
            .Select(area => Tile(t, area, view.Resources.Where(r => r.Area == area).ToArray(), perArea, limits.TextChars))
            .ToArray();
        for (var i = 0; i < tiles.Length; i += 2)
        {
            var row = tiles.Skip(i).Take(2).ToList();
            if (row.Count == 1)
            {
                row.Add(new Column([]) { Width = ColumnWidth.Weighted(1) });
            }

            body.Add(new ColumnSet(row) { Spacing = Spacing.Small });
        }

        body.Add(CardParts.Hint(t["ResourceMap_Hint"]));
        return new AdaptiveCard
        {
            Body = body,
            Actions = [actions.Execute(t["View_BackToSession"], CardVerbs.ViewShow, new JsonObject { [CardDataKeys.View] = CardViews.Live })],
            FallbackText = t["ResourceMap_Title"],
        };
    }

    private static Column Tile(CardTexts t, ResourceArea area, IReadOnlyList<ContributionView> entries, int maxItems, int maxChars)
    {
        var items = new List<CardElement>
        {
            new TextBlock(t.Name(area)) { Weight = TextWeight.Bolder },
            new TextBlock(t[$"AreaHint_{area}"]) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
        };
        items.AddRange(entries.Count == 0
            ? [new TextBlock(t["Common_NoEntries"]) { IsSubtle = true }]
            : entries.Take(maxItems).Select(e => (CardElement)CardParts.Bullet(CardParts.Clip(e.Text, maxChars))));
        if (entries.Count > maxItems)
        {
            items.Add(CardParts.Hint(t.Format("Common_MoreEntries", entries.Count - maxItems)));
        }

        return new Column(items) { Width = ColumnWidth.Weighted(1), Style = ContainerStyle.Emphasis };
    }
}

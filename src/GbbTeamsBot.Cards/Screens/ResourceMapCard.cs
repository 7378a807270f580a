using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>Ressourcenkarte: five areas as tiles, two per row, each listing its resources.</summary>
public static class ResourceMapCard
{
    /// <summary>Sozialraum resources offered to the catalogue with a button each.</summary>
    public const int KnowledgeOffersShown = 5;

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
        if (view.Notice is { } notice)
        {
            body.Add(new Container([new TextBlock((notice.IsError ? "⚠ " : "✓ ") + notice.Text) { Color = notice.IsError ? TextColor.Attention : TextColor.Good, Weight = TextWeight.Bolder }])
            {
                Style = notice.IsError ? ContainerStyle.Attention : ContainerStyle.Good,
                Spacing = Spacing.Small,
            });
        }

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
        var offerable = view.OffersToKnowledge
            ? view.Resources.Where(r => r.Area == ResourceArea.Sozialraum && !r.IsFromCatalogue).Take(KnowledgeOffersShown).ToList()
            : [];
        if (offerable.Count > 0)
        {
            // Neighbourhood resources are worth keeping beyond the case: one button offers each to the team's catalogue.
            body.Add(CardParts.SectionTitle(t["Knowledge_OfferTitle"]));
            foreach (var r in offerable)
            {
                body.Add(new ColumnSet([
                    new Column([CardParts.Plain(CardParts.Clip(r.Text, limits.TextChars))]) { Width = ColumnWidth.Stretch, VerticalContentAlignment = VerticalAlignment.Center },
                    new Column([new ActionSet([actions.Execute(t["Knowledge_OfferButton"], KnowledgeVerbs.Offer, new JsonObject { [KnowledgeDataKeys.ContributionId] = r.ContributionId })])]) { Width = ColumnWidth.Auto },
                ]) { Spacing = Spacing.Small });
            }
        }

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

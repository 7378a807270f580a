using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>A team's open agreements, overdue first, each with a "done" button, a page at a time.</summary>
public static class OpenAgreementsCard
{
    /// <summary>Agreements per page; long lists get "next page" and "previous page" buttons instead of being cut off.</summary>
    public const int PageSize = 10;

    public static AdaptiveCard Build(OpenAgreementsView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        return CardParts.Fit(limits => Build(view, context, limits));
    }

    private static AdaptiveCard Build(OpenAgreementsView view, CardContext context, DisplayLimits limits)
    {
        var t = context.Texts;
        var maxItems = Math.Min(PageSize, limits.ItemsWithActions);
        var ordered = view.Items
            .OrderBy(i => i.Agreement.Due ?? DateOnly.MaxValue)
            .ThenBy(i => i.CasePseudonym, StringComparer.Ordinal)
            .ToArray();
        var overdue = ordered.Count(i => i.Agreement.Due is { } due && due < context.Today);
        var body = new List<CardElement>
        {
            CardParts.Header(t["OpenAgreements_Title"], CardParts.Clip(view.TeamName, 80)),
            new TextBlock(ordered.Length == 0
                ? t["OpenAgreements_None"]
                : t.Format("OpenAgreements_Summary", ordered.Length, overdue)) { Spacing = Spacing.Small },
        };

        if (view.JustDone is { } done)
        {
            var undo = new CardActions(context, done.Session);
            body.Add(new Container([
                new ColumnSet([
                    new Column([new TextBlock("✓ " + t.Format("OpenAgreements_JustDone", CardParts.Clip(done.Agreement.What, 120)))]) { Width = ColumnWidth.Stretch, VerticalContentAlignment = VerticalAlignment.Center },
                    new Column([new ActionSet([undo.Execute(t["OpenAgreements_Undo"], CardVerbs.AgreementReopen, new JsonObject { [CardDataKeys.AgreementId] = done.Agreement.AgreementId })])]) { Width = ColumnWidth.Auto },
                ]),
            ]) { Style = ContainerStyle.Good, Spacing = Spacing.Small });
        }

        var pages = Math.Max(1, (ordered.Length + PageSize - 1) / PageSize);
        var page = Math.Clamp(view.Page, 0, pages - 1);
        var shown = ordered.Skip(page * PageSize).Take(maxItems).ToArray();
        foreach (var item in shown)
        {
            var actions = new CardActions(context, item.Session);
            body.Add(new ColumnSet([
                new Column([
                    CardParts.Plain(t.Name(item.Method) + " · " + t.Format("Common_CaseLine", CardParts.Clip(item.CasePseudonym, 40)), TextSize.Small, subtle: true),
                    AgreementParts.Line(t, context, item.Agreement, Math.Min(200, limits.TextChars)),
                ]) { Width = ColumnWidth.Stretch },
                new Column([
                    new ActionSet([
                        actions.Execute(
                            t["OpenAgreements_Done"],
                            CardVerbs.AgreementDone,
                            new JsonObject { [CardDataKeys.AgreementId] = item.Agreement.AgreementId },
                            style: ActionStyle.Positive),
                    ]),
                ]) { Width = ColumnWidth.Auto, VerticalContentAlignment = VerticalAlignment.Center },
            ])
            {
                Separator = true,
                Spacing = Spacing.Small,
            });
        }

        if (shown.Length < Math.Min(PageSize, ordered.Length - (page * PageSize)))
        {
            // The card had to shrink below a page (very long texts): say so rather than skip silently.
            body.Add(CardParts.Hint(t.Format("Common_MoreEntries", Math.Min(PageSize, ordered.Length - (page * PageSize)) - shown.Length)));
        }

        var paging = new List<CardAction>();
        if (page > 0)
        {
            paging.Add(PageAction(context, t["Common_PreviousPage"], page - 1));
        }

        if (page < pages - 1)
        {
            paging.Add(PageAction(context, t["Common_NextPage"], page + 1));
        }

        if (paging.Count > 0)
        {
            body.Add(CardParts.Hint(t.Format("Common_PageOf", page + 1, pages)));
            body.Add(new ActionSet(paging));
        }

        return new AdaptiveCard { Body = body, FallbackText = t["OpenAgreements_Title"] };
    }

    private static CardAction PageAction(CardContext context, string title, int page) =>
        new CardActions(context, null).Execute(title, CardVerbs.AgreementsPage, new JsonObject { [CardDataKeys.Page] = page });
}

/// <summary>Protocols of finished sessions, newest first, each opening the protocol card.</summary>
public static class ProtocolListCard
{
    public const int MaxItems = 25;

    public static AdaptiveCard Build(ProtocolListView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        var t = context.Texts;
        var ordered = view.Items.OrderByDescending(i => i.HeldAt).ToArray();
        var body = new List<CardElement>
        {
            CardParts.Header(t["Protocols_Title"], CardParts.Clip(view.TeamName, 80)),
        };
        if (ordered.Length == 0)
        {
            body.Add(new TextBlock(t["Protocols_None"]) { Spacing = Spacing.Small });
        }

        foreach (var item in ordered.Take(MaxItems))
        {
            var actions = new CardActions(context, item.Session);
            body.Add(new ColumnSet([
                new Column([
                    CardParts.Plain(t.Name(item.Method) + " · " + t.Format("Common_CaseLine", CardParts.Clip(item.CasePseudonym, 40)), weight: TextWeight.Bolder),
                    new TextBlock(context.FormatDateTime(item.HeldAt) + " · " + (item.IsConfirmed ? t["Protocols_Confirmed"] : t["Protocols_Unconfirmed"]))
                    {
                        IsSubtle = true,
                        Spacing = Spacing.None,
                        Color = item.IsConfirmed ? TextColor.Default : TextColor.Warning,
                    },
                ]) { Width = ColumnWidth.Stretch },
                new Column([new ActionSet([actions.Execute(t["Protocols_Open"], CardVerbs.ProtocolShow)])])
                {
                    Width = ColumnWidth.Auto,
                    VerticalContentAlignment = VerticalAlignment.Center,
                },
            ])
            {
                Separator = true,
                Spacing = Spacing.Small,
            });
        }

        if (ordered.Length > MaxItems)
        {
            body.Add(CardParts.Hint(t.Format("Common_MoreEntries", ordered.Length - MaxItems)));
        }

        return new AdaptiveCard { Body = body, FallbackText = t["Protocols_Title"] };
    }
}

/// <summary>A short confirmation or error, e.g. as the invoke response for the user who acted.</summary>
public static class ActionResultCard
{
    public static AdaptiveCard Build(MessageView message, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(context);
        var t = context.Texts;
        var isError = message.IsError;
        var text = t.Text(message);
        return new AdaptiveCard
        {
            Body =
            [
                new Container([
                    new TextBlock((isError ? "⚠ " : "✓ ") + text)
                    {
                        Weight = TextWeight.Bolder,
                        Color = isError ? TextColor.Attention : TextColor.Good,
                    },
                    .. isError ? [(CardElement)CardParts.Hint(t["Result_ErrorHint"])] : Array.Empty<CardElement>(),
                ])
                {
                    Style = isError ? ContainerStyle.Attention : ContainerStyle.Good,
                    Bleed = true,
                },
            ],
            FallbackText = text,
        };
    }
}

using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>Sozialraum-Runde: guiding questions, the entries so far by category, and the entry form.</summary>
public static class SozialraumRundeCard
{
    public static AdaptiveCard Build(SozialraumRundeView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        return CardParts.Fit(limits => Build(view, context, limits));
    }

    private static AdaptiveCard Build(SozialraumRundeView view, CardContext context, DisplayLimits limits)
    {
        var t = context.Texts;
        var actions = new CardActions(context, view.Session);
        var subtitle = view.EndsAt is { } endsAt
            ? CardParts.Clip(view.Neighbourhood, 80) + " · " + t.Format("Live_EndsAt", context.FormatTime(endsAt))
            : CardParts.Clip(view.Neighbourhood, 80);
        var body = new List<CardElement>
        {
            CardParts.Header(t.Name(MethodKind.SozialraumRunde), subtitle),
            new TextBlock(t["PhaseGuidance_SozialraumRunde"]) { Spacing = Spacing.Small },
            new Container([
                new TextBlock(t["Round_Questions"]) { Weight = TextWeight.Bolder },
                .. Enumerable.Range(1, 9).Select(i => (CardElement)CardParts.Bullet(t[$"Round_Question{i}"])),
            ])
            {
                Id = "roundQuestions",
                Style = ContainerStyle.Emphasis,
                Spacing = Spacing.Small,
            },
        };

        body.Add(CardParts.SectionTitle(t.Format("Round_Entries", view.Entries.Count)));
        body.AddRange(view.Entries.Count == 0
            ? [new TextBlock(t["Common_NoEntries"]) { IsSubtle = true }]
            : ContributionParts.Grouped(t, view.Entries, limits));

        if (view.ViewerMayAdd)
        {
            body.Add(ContributionParts.Input(t, ContributionKind.RoundEntry, actions));
        }

        var cardActions = new List<CardAction>
        {
            new ToggleVisibilityAction(t["Round_ToggleQuestions"], ["roundQuestions"]),
        };
        if (view.JoinOffered)
        {
            cardActions.Insert(0, actions.Execute(t["Live_Join"], CardVerbs.SessionJoin, style: ActionStyle.Positive));
        }

        if (view.ViewerIsModerator)
        {
            cardActions.Add(actions.Execute(t.Format("Control_Extend", LiveSessionCard.ExtendMinutes), CardVerbs.SessionExtend, new JsonObject { [CardDataKeys.Minutes] = LiveSessionCard.ExtendMinutes }));
            cardActions.Add(actions.Execute(t["Round_Finish"], CardVerbs.SessionNext, style: ActionStyle.Positive));
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = cardActions,
            FallbackText = t.Name(MethodKind.SozialraumRunde),
            Refresh = actions.Refresh(CardViews.SozialraumRunde, view.RefreshUserIds),
        };
    }
}

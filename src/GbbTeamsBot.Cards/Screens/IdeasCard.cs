using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>
/// Ideas for next steps, by level (the person first, then network, neighbourhood, services). The case presenter
/// chooses on behalf of the person; the group offers, it does not decide.
/// </summary>
public static class IdeasCard
{
    public static AdaptiveCard Build(IdeasView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        return CardParts.Fit(limits => Build(view, context, limits));
    }

    private static AdaptiveCard Build(IdeasView view, CardContext context, DisplayLimits limits)
    {
        var t = context.Texts;
        var actions = new CardActions(context, view.Session);
        var body = new List<CardElement>
        {
            CardParts.Header(t["Ideas_Title"], t.Format("Common_CaseLine", view.CasePseudonym)),
            new TextBlock(t["Ideas_Intro"]) { Spacing = Spacing.Small },
        };

        var ideas = view.Ideas.Take(limits.Items).ToArray();
        foreach (var level in Enum.GetValues<IdeaLevel>())
        {
            var atLevel = ideas.Where(i => (i.Level ?? IdeaLevel.Selbst) == level).ToArray();
            body.Add(new Container([
                new TextBlock(t.Name(level)) { Weight = TextWeight.Bolder },
                .. atLevel.Length == 0
                    ? [new TextBlock(t["Common_NoEntries"]) { IsSubtle = true, Spacing = Spacing.None }]
                    : atLevel.Select(i => ContributionParts.Entry(t, i, limits.TextChars)),
            ])
            {
                Style = atLevel.Any(i => i.IsChosen) ? ContainerStyle.Good : ContainerStyle.Default,
                Spacing = Spacing.Small,
                Separator = true,
            });
        }

        var cardActions = new List<CardAction>();
        if (view.ViewerIsCasePresenter && ideas.Length > 0)
        {
            body.Add(new ChoiceSetInput(
                CardDataKeys.ChosenIdeaIds,
                t["Ideas_ChooseLabel"],
                ideas.Select(i => new Choice(CardParts.Clip(i.Text, 120), i.ContributionId)).ToArray())
            {
                Style = ChoiceInputStyle.Expanded,
                IsMultiSelect = true,
                Value = string.Join(',', ideas.Where(i => i.IsChosen).Select(i => i.ContributionId)),
                Spacing = Spacing.Medium,
                Separator = true,
            });
            cardActions.Add(actions.Execute(t["Ideas_Choose"], CardVerbs.IdeaChoose, withInputs: true, style: ActionStyle.Positive));
        }
        else if (!view.ViewerIsCasePresenter)
        {
            body.Add(CardParts.Hint(t["Ideas_PresenterChooses"]));
        }

        cardActions.Add(actions.Execute(t["View_BackToSession"], CardVerbs.ViewShow, new JsonObject { [CardDataKeys.View] = CardViews.Live }));
        return new AdaptiveCard { Body = body, Actions = cardActions, FallbackText = t["Ideas_Title"] };
    }
}

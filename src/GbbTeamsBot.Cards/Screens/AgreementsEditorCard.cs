using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>Agreements of a session - what, who, by when - with a form to add one and buttons to remove.</summary>
public static class AgreementsEditorCard
{
    public static AdaptiveCard Build(AgreementsEditorView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        return CardParts.Fit(limits => Build(view, context, limits));
    }

    private static AdaptiveCard Build(AgreementsEditorView view, CardContext context, DisplayLimits limits)
    {
        var t = context.Texts;
        var actions = new CardActions(context, view.Session);
        var body = new List<CardElement>
        {
            CardParts.Header(t["Agreements_Title"], t.Name(view.Method) + " · " + t.Format("Common_CaseLine", view.CasePseudonym)),
        };
        if (view.Notice is not null)
        {
            body.Add(CardParts.Notice(t, view.Notice, isError: view.Notice.IsError));
        }

        body.Add(new TextBlock(t["Agreements_Intro"]) { Spacing = Spacing.Small });
        if (view.Agreements.Count == 0)
        {
            body.Add(new TextBlock(t["Agreements_None"]) { IsSubtle = true });
        }

        var shown = view.Agreements.Take(view.ViewerMayEdit ? limits.ItemsWithActions : limits.Items).ToArray();
        foreach (var agreement in shown)
        {
            var columns = new List<Column>
            {
                new([AgreementParts.Line(t, context, agreement, limits.TextChars)]) { Width = ColumnWidth.Stretch, VerticalContentAlignment = VerticalAlignment.Center },
            };
            if (view.ViewerMayEdit)
            {
                columns.Add(new Column([
                    new ActionSet([
                        actions.Execute(
                            t["Agreements_Remove"],
                            CardVerbs.AgreementRemove,
                            new JsonObject { [CardDataKeys.AgreementId] = agreement.AgreementId },
                            style: ActionStyle.Destructive),
                    ]),
                ]) { Width = ColumnWidth.Auto });
            }

            body.Add(new ColumnSet(columns) { Separator = true, Spacing = Spacing.Small });
        }

        if (view.Agreements.Count > shown.Length)
        {
            body.Add(CardParts.Hint(t.Format("Common_MoreEntries", view.Agreements.Count - shown.Length)));
        }

        var cardActions = new List<CardAction>();
        if (view.ViewerMayEdit)
        {
            cardActions.Add(new ShowCardAction(t["Agreements_AddTitle"], AddForm(t, view.Method, actions, view.TeamMembers)));
        }

        cardActions.Add(actions.Execute(t["View_BackToSession"], CardVerbs.ViewShow, new JsonObject { [CardDataKeys.View] = CardViews.Live }));
        return new AdaptiveCard { Body = body, Actions = cardActions, FallbackText = t["Agreements_Title"] };
    }

    private static AdaptiveCard AddForm(CardTexts t, MethodKind method, CardActions actions, IReadOnlyList<MemberView> members)
    {
        var body = new List<CardElement>
        {
            new TextInput(CardDataKeys.What, t["Agreements_What"])
            {
                Placeholder = t["Agreements_What_Placeholder"],
                IsMultiline = true,
                MaxLength = CardLimits.MaxTextLength,
                IsRequired = true,
                ErrorMessage = t["Input_TextRequired"],
            },
            new ColumnSet([
                new Column([
                    new TextInput(CardDataKeys.Who, t["Agreements_Who"])
                    {
                        Placeholder = t["Agreements_Who_Placeholder"],
                        MaxLength = CardLimits.MaxShortTextLength,
                        IsRequired = true,
                        ErrorMessage = t["Input_TextRequired"],
                    },
                ]) { Width = ColumnWidth.Stretch },
                new Column([
                    new ChoiceSetInput(CardDataKeys.Party, t["Agreements_Party"], [.. t.Choices<ResponsibleParty>(Names.Name).Where(c => method == MethodKind.Sozialraumvorhaben || c.Value != nameof(ResponsibleParty.Team))])
                    {
                        Value = nameof(ResponsibleParty.Person),
                        IsRequired = true,
                        ErrorMessage = t["Input_ChoiceRequired"],
                    },
                ]) { Width = ColumnWidth.Stretch },
            ]),
            new DateInput(CardDataKeys.Due, t["Agreements_DueLabel"]),
        };

        // Optional: the goal level, and the colleague responsible (who then gets the reminders).
        body.Add(new ChoiceSetInput(CardDataKeys.GoalLevel, t["Agreements_GoalLevel"], [.. Enum.GetValues<GoalLevelKind>().Select(g => new Choice(t[$"Goal_{g}"], g.ToString()))]));
        if (members.Count > 0)
        {
            body.Add(new ChoiceSetInput(CardDataKeys.OwnerId, t["Agreements_Owner"], [.. members.Select(m => new Choice(m.DisplayName, m.UserId))]));
        }

        if (method == MethodKind.Helferkonferenz)
        {
            body.Add(new ToggleInput(CardDataKeys.Coordinator, t["Agreements_Coordinator"], t["Agreements_CoordinatorToggle"]));
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = [actions.Execute(t["Agreements_Add"], CardVerbs.AgreementAdd, withInputs: true, style: ActionStyle.Positive)],
        };
    }
}

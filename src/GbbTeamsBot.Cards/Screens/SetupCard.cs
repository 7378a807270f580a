using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>
/// Prepares a session: method, pseudonymous case reference, roles from the team's members and planned duration.
/// Submits <see cref="CardVerbs.SessionStart"/> with the inputs; validation errors come back on the same card.
/// </summary>
public static class SetupCard
{
    public static AdaptiveCard Build(SetupView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        return CardParts.Fit(limits => Build(view, context, limits));
    }

    // Every role picker lists all members, so large teams are capped (the app lists likely candidates first).
    private static AdaptiveCard Build(SetupView view, CardContext context, DisplayLimits limits)
    {
        var t = context.Texts;
        var actions = new CardActions(context, view.Draft);
        var members = view.Members
            .Take(Math.Min(100, limits.Items))
            .Select(m => new Choice(CardParts.Clip(m.DisplayName, 60), m.UserId))
            .ToArray();

        var body = new List<CardElement> { CardParts.Header(t["Setup_Title"], t["Setup_Subtitle"]) };
        body.AddRange(view.Errors.Select(e => CardParts.Notice(t, e, isError: true)));
        foreach (var running in view.RunningHere.Take(5))
        {
            var open = new CardActions(context, running.Session);
            body.Add(new Container([
                new ColumnSet([
                    new Column([new TextBlock(t.Format("Setup_RunningHere", CardParts.Clip(running.CasePseudonym, 40))) { Weight = TextWeight.Bolder }]) { Width = ColumnWidth.Stretch, VerticalContentAlignment = VerticalAlignment.Center },
                    new Column([new ActionSet([open.Execute(t["Setup_OpenRunning"], CardVerbs.ViewShow, new System.Text.Json.Nodes.JsonObject { [CardDataKeys.View] = CardViews.Live })])]) { Width = ColumnWidth.Auto },
                ]),
            ]) { Style = ContainerStyle.Accent, Spacing = Spacing.Small });
        }

        body.Add(new ChoiceSetInput(
            CardDataKeys.Method,
            t["Setup_Method"],
            view.Methods.Select(m => new Choice(t.Name(m), m.ToString())).ToArray())
        {
            Value = (view.Method ?? view.Methods.FirstOrDefault()).ToString(),
            IsRequired = true,
            ErrorMessage = t["Input_ChoiceRequired"],
            Spacing = Spacing.Medium,
        });
        body.Add(new TextInput(CardDataKeys.CasePseudonym, t["Setup_Pseudonym"])
        {
            Placeholder = t["Setup_Pseudonym_Placeholder"],
            Value = view.CasePseudonym,
            MaxLength = CardLimits.MaxPseudonymLength,
            IsRequired = true,
            ErrorMessage = t["Message_PseudonymRequired"],
        });
        body.Add(CardParts.Hint(t["Common_PrivacyNote"]));

        body.Add(CardParts.SectionTitle(t["Setup_Roles"]));
        body.Add(new ColumnSet([
            new Column([RoleInput(CardDataKeys.ModeratorId, t.Name(RoleKind.Moderation), members, view.ModeratorId, t, required: true)]) { Width = ColumnWidth.Stretch },
            new Column([RoleInput(CardDataKeys.ProtocolId, t.Name(RoleKind.Protokoll) + Star(RoleKind.Protokoll), members, view.ProtocolId, t, required: false)]) { Width = ColumnWidth.Stretch },
        ]));
        // Roles the method needs get a "*" like the required inputs (the check itself is the domain's, on submit).
        string Star(RoleKind role) => view.RequiredRoles.Contains(role) ? " *" : string.Empty;
        body.Add(RoleInput(CardDataKeys.PresenterId, t["Setup_Presenter"] + Star(RoleKind.Falleinbringend), members, view.PresenterId, t, required: false));
        body.Add(new ChoiceSetInput(CardDataKeys.AdviserIds, t["Setup_Advisers"] + Star(RoleKind.Beratend), members)
        {
            IsMultiSelect = true,
            // Checkboxes for a small team, a multi-select dropdown for a large one.
            Style = members.Length <= 10 ? ChoiceInputStyle.Expanded : ChoiceInputStyle.Compact,
            Value = view.AdviserIds.Count > 0 ? string.Join(',', view.AdviserIds) : null,
            Placeholder = t["Setup_Advisers_Placeholder"],
        });
        body.Add(CardParts.Hint(t["Setup_Roles_Hint"]));

        body.Add(CardParts.SectionTitle(t["Setup_Time"]));
        body.Add(new NumberInput(CardDataKeys.PlannedMinutes, t.Format("Setup_PlannedMinutes", view.MinMinutes, view.MaxMinutes))
        {
            Value = view.PlannedMinutes,
            Min = view.MinMinutes,
            Max = view.MaxMinutes,
            Placeholder = t["Setup_PlannedMinutes_Placeholder"],
            ErrorMessage = t.Format("Message_DurationOutOfRange", view.MinMinutes, view.MaxMinutes),
        });
        body.Add(new ToggleInput(CardDataKeys.StartNow, t["Setup_StartNow_Label"], t["Setup_StartNow"]) { Value = true });

        return new AdaptiveCard
        {
            Body = body,
            Actions = [actions.Execute(t["Setup_Submit"], CardVerbs.SessionStart, withInputs: true, style: ActionStyle.Positive)],
            FallbackText = t["Setup_Title"],
        };
    }

    private static ChoiceSetInput RoleInput(string id, string label, IReadOnlyList<Choice> members, string? value, CardTexts t, bool required) =>
        new(id, label, members)
        {
            Value = value,
            Placeholder = t["Setup_ChooseMember"],
            IsRequired = required,
            ErrorMessage = required ? t.Format("Message_RoleMissing", label) : null,
        };
}

using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>Helferkonferenz: the consent step (no consent, no conference) and the round of the helper systems.</summary>
public static class HelperConferenceCards
{
    public static AdaptiveCard BuildConsent(ConsentView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        var t = context.Texts;
        var actions = new CardActions(context, view.Session);
        var confirmed = view.ConsentConfirmed;
        var withdrawn = view.WithdrawnAt is not null;
        var isHelferkonferenz = view.Method == MethodKind.Helferkonferenz;
        var state = withdrawn
            ? "⛔ " + t.Format("Consent_WithdrawnAt", view.WithdrawnAt is { } w ? context.FormatDateTime(w) : string.Empty)
            : (confirmed ? "✓ " + t["Consent_Given"] : "⚠ " + t[isHelferkonferenz ? "Consent_Missing" : "Consent_MissingBeratung"]);
        var record = new List<CardElement>
        {
            new TextBlock(state) { Weight = TextWeight.Bolder },
        };
        if (confirmed && view.ConfirmedByName is { } name)
        {
            record.Add(CardParts.Plain(
                t.Format("Consent_ConfirmedBy", CardParts.Clip(name, 60), view.ConfirmedAt is { } at ? context.FormatDateTime(at) : string.Empty),
                subtle: true) with { Spacing = Spacing.None });
        }

        if (confirmed)
        {
            var facts = new List<Fact>();
            if (view.GivenBy is { } giver)
            {
                facts.Add(new Fact(t["Consent_GivenByLabel"], t["ConsentGiver_" + giver]));
            }

            facts.Add(new Fact(t["Consent_AgenciesLabel"], view.Agencies.Count == 0 ? t["Consent_NoAgencies"] : CardParts.Clip(string.Join(", ", view.Agencies), 300)));
            if (!string.IsNullOrWhiteSpace(view.Purpose))
            {
                facts.Add(new Fact(t["Consent_PurposeLabel"], CardParts.Clip(view.Purpose, 200)));
            }

            if (view.ValidUntil is { } until)
            {
                facts.Add(new Fact(t["Consent_ValidUntilLabel"], until.ToString("d", t.Culture)));
            }

            facts.Add(new Fact(t["Consent_PersonTakesPartLabel"], t[view.PersonTakesPart ? "Common_Yes" : "Common_No"]));
            record.Add(new FactSet(facts) { Spacing = Spacing.Small });
        }

        record.Add(new TextBlock((view.ReleaseConfirmed ? "✓ " : "○ ") + t["Consent_Release"]) { Spacing = Spacing.Small });
        var body = new List<CardElement>
        {
            CardParts.Header(t["Consent_Title"], t.Name(view.Method) + " · " + t.Format("Common_CaseLine", view.CasePseudonym)),
            new TextBlock(t[isHelferkonferenz ? "Consent_Intro" : "Consent_IntroBeratung"]) { Spacing = Spacing.Small },
            new Container(record)
            {
                Style = withdrawn ? ContainerStyle.Attention : confirmed ? ContainerStyle.Good : ContainerStyle.Warning,
                Spacing = Spacing.Medium,
            },
        };

        var cardActions = new List<CardAction>();
        if (view.ViewerIsModerator && !confirmed)
        {
            body.Add(new ToggleInput(CardDataKeys.Consent, t["Consent_Label"], t["Consent_Toggle"])
            {
                IsRequired = true,
                ErrorMessage = t["Message_ConsentMissing"],
                Spacing = Spacing.Medium,
            });
            body.Add(new ChoiceSetInput(CardDataKeys.ConsentGivenBy, t["Consent_GivenByLabel"], t.Choices<ConsentGiverKind>((x, v) => x["ConsentGiver_" + v]))
            {
                Value = nameof(ConsentGiverKind.Person),
                Style = ChoiceInputStyle.Expanded,
            });
            if (view.AgencyChoices.Count > 0)
            {
                body.Add(new ChoiceSetInput(CardDataKeys.ConsentAgencies, t["Consent_AgenciesLabel"], view.AgencyChoices.Select(a => new Choice(CardParts.Clip(a, 80), a)).ToArray())
                {
                    IsMultiSelect = true,
                    Style = ChoiceInputStyle.Expanded,
                });
            }

            body.Add(new TextInput(CardDataKeys.ConsentOtherAgencies, t["Consent_OtherAgenciesLabel"]) { Placeholder = t["Consent_OtherAgenciesPlaceholder"], MaxLength = CardLimits.MaxTextLength });
            body.Add(new TextInput(CardDataKeys.ConsentPurpose, t["Consent_PurposeLabel"]) { Placeholder = t["Consent_PurposePlaceholder"], MaxLength = CardLimits.MaxShortTextLength });
            body.Add(new DateInput(CardDataKeys.ConsentValidUntil, t["Consent_ValidUntilLabel"]) { Value = view.DefaultValidUntil, Max = view.MaxValidUntil });
            body.Add(new ToggleInput(CardDataKeys.ConsentPersonTakesPart, t["Consent_PersonTakesPartLabel"], t["Consent_PersonTakesPartToggle"]));
            body.Add(new ToggleInput(CardDataKeys.Release, t["Consent_ReleaseLabel"], t["Consent_ReleaseToggle"]) { Value = view.ReleaseConfirmed });
            cardActions.Add(actions.Execute(t["Consent_Confirm"], CardVerbs.ConsentConfirm, withInputs: true, style: ActionStyle.Positive));
        }
        else if (!confirmed)
        {
            body.Add(CardParts.Hint(t["Consent_ModeratorConfirms"]));
        }

        if (view.JoinOffered && !withdrawn)
        {
            cardActions.Add(actions.Execute(t["Live_Join"], CardVerbs.SessionJoin, style: ActionStyle.Positive));
        }
        else if (view.ViewerMayWithdraw && !withdrawn)
        {
            cardActions.Add(actions.Execute(t["Consent_Withdraw"], CardVerbs.ConsentWithdraw, style: ActionStyle.Destructive));
        }

        body.Add(CardParts.PrivacyNote(t));
        return new AdaptiveCard { Body = body, Actions = cardActions, FallbackText = t["Consent_Title"] };
    }

    public static AdaptiveCard BuildAgencyRound(HelperRoundView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        return CardParts.Fit(limits => BuildAgencyRound(view, context, limits));
    }

    private static AdaptiveCard BuildAgencyRound(HelperRoundView view, CardContext context, DisplayLimits limits)
    {
        var t = context.Texts;
        var actions = new CardActions(context, view.Session);
        var body = new List<CardElement>
        {
            CardParts.Header(t["HelperRound_Title"], t.Name(MethodKind.Helferkonferenz) + " · " + t.Format("Common_CaseLine", view.CasePseudonym)),
            new TextBlock(t["PhaseGuidance_Helferrunde"]) { Spacing = Spacing.Small },
        };
        if (view.HelperSystems.Count == 0)
        {
            body.Add(new TextBlock(t["Common_NoEntries"]) { IsSubtle = true });
        }

        foreach (var helper in view.HelperSystems.Take(limits.Items))
        {
            body.Add(new Container([
                CardParts.Plain(CardParts.Clip(helper.Agency ?? string.Empty, 100), weight: TextWeight.Bolder),
                LabelledLine(t["Helper_Mandate"], CardParts.Clip(helper.Mandate ?? string.Empty, limits.TextChars)),
                LabelledLine(t["Helper_Activities"], CardParts.Clip(helper.CurrentActivities ?? helper.Text, limits.TextChars)),
            ])
            {
                Style = ContainerStyle.Emphasis,
                Spacing = Spacing.Small,
            });
        }

        if (view.ViewerMayAdd)
        {
            body.Add(ContributionParts.Input(t, ContributionKind.HelperSystem, actions));
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = [actions.Execute(t["View_BackToSession"], CardVerbs.ViewShow, new JsonObject { [CardDataKeys.View] = CardViews.Live })],
            FallbackText = t["HelperRound_Title"],
            Refresh = actions.Refresh(CardViews.HelperRound, view.RefreshUserIds),
        };
    }

    private static RichTextBlock LabelledLine(string label, string userText) =>
        new([new TextRun(label + ": ") { IsSubtle = true }, new TextRun(userText)]) { Spacing = Spacing.None };
}

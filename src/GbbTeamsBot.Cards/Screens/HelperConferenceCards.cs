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
        var body = new List<CardElement>
        {
            CardParts.Header(t["Consent_Title"], t.Name(MethodKind.Helferkonferenz) + " · " + t.Format("Common_CaseLine", view.CasePseudonym)),
            new TextBlock(t["Consent_Intro"]) { Spacing = Spacing.Small },
            new Container([
                new TextBlock((confirmed ? "✓ " : "⚠ ") + (confirmed ? t["Consent_Given"] : t["Consent_Missing"])) { Weight = TextWeight.Bolder },
                .. confirmed && view.ConfirmedByName is { } name
                    ? [(CardElement)(CardParts.Plain(
                        t.Format("Consent_ConfirmedBy", CardParts.Clip(name, 60), view.ConfirmedAt is { } at ? context.FormatDateTime(at) : string.Empty),
                        subtle: true) with { Spacing = Spacing.None })]
                    : Array.Empty<CardElement>(),
                new TextBlock((view.ReleaseConfirmed ? "✓ " : "○ ") + t["Consent_Release"]) { Spacing = Spacing.Small },
            ])
            {
                Style = confirmed ? ContainerStyle.Good : ContainerStyle.Warning,
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
            body.Add(new ToggleInput(CardDataKeys.Release, t["Consent_ReleaseLabel"], t["Consent_ReleaseToggle"]) { Value = view.ReleaseConfirmed });
            cardActions.Add(actions.Execute(t["Consent_Confirm"], CardVerbs.ConsentConfirm, withInputs: true, style: ActionStyle.Positive));
        }
        else if (!confirmed)
        {
            body.Add(CardParts.Hint(t["Consent_ModeratorConfirms"]));
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

using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>
/// The review of earlier agreements on the live card, shown first: each with its status, and for those who may
/// review a compact "Stand eintragen" that opens the choices (erledigt, teilweise, nicht erledigt with a reason,
/// entfällt, übernehmen).
/// </summary>
public static class EarlierAgreementsPart
{
    internal static IEnumerable<CardElement> Build(LiveSessionView view, CardContext context, CardActions actions, DisplayLimits limits)
    {
        if (view.EarlierAgreements.Count == 0)
        {
            yield break;
        }

        var t = context.Texts;
        yield return CardParts.SectionTitle(t["Review_Title"]);
        foreach (var a in view.EarlierAgreements.Take(limits.Items))
        {
            var line = AgreementParts.Line(t, context, a with { IsDone = a.Progress == AgreementProgress.Done }, limits.TextChars);
            var status = t[$"Progress_{a.Progress}"] + (a.Reason is { Length: > 0 } reason ? ": " + CardParts.Clip(reason, 100) : string.Empty);
            yield return line with
            {
                Inlines = [.. line.Inlines, new TextRun(" · " + status) { Color = a.Progress == AgreementProgress.Done ? TextColor.Good : TextColor.Accent }],
            };

            if (view.ViewerMayReview && a.Progress != AgreementProgress.CarriedOver)
            {
                yield return new ActionSet([new ShowCardAction(t["Review_Change"], Choices(a, t, actions))]) { Spacing = Spacing.None };
            }
        }

        if (view.EarlierAgreements.Count > limits.Items)
        {
            yield return CardParts.Hint(t.Format("Common_MoreEntries", view.EarlierAgreements.Count - limits.Items));
        }
    }

    /// <summary>The id of the reason input for one earlier agreement.</summary>
    public static string ReasonInputId(string agreementId) => CardDataKeys.Reason + ":" + agreementId;

    private static AdaptiveCard Choices(AgreementView a, CardTexts t, CardActions actions)
    {
        JsonObject Data(AgreementProgress status) => new() { [CardDataKeys.AgreementId] = a.AgreementId, [CardDataKeys.Status] = status.ToString() };
        return new AdaptiveCard
        {
            Body =
            [
                // One input per agreement (ids are unique on a card); the handler reads the one of its agreement.
                new TextInput(ReasonInputId(a.AgreementId), t["Review_Reason"]) { MaxLength = CardLimits.MaxShortTextLength / 2, Value = a.Reason },
            ],
            Actions =
            [
                actions.Execute(t["Review_Done"], CardVerbs.AgreementReview, Data(AgreementProgress.Done), style: ActionStyle.Positive),
                actions.Execute(t["Review_PartlyDone"], CardVerbs.AgreementReview, Data(AgreementProgress.PartlyDone)),
                actions.Execute(t["Review_NotDone"], CardVerbs.AgreementReview, Data(AgreementProgress.NotDone), withInputs: true),
                actions.Execute(t["Review_Dropped"], CardVerbs.AgreementReview, Data(AgreementProgress.Dropped)),
                actions.Execute(t["Review_CarryOver"], CardVerbs.AgreementReview, Data(AgreementProgress.CarriedOver)),
            ],
        };
    }
}

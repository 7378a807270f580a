using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>
/// The Protokoll role's part of the protocol card: summary and needs/obstacles (typed before confirming, shown
/// afterwards), and "Protokoll korrigieren" once confirmed, which makes a new version to be confirmed again.
/// </summary>
internal static class ProtocolTextsPart
{
    public const int MaxTextLength = 4000;

    public static IEnumerable<CardElement> Build(ProtocolView view, CardContext context, CardActions actions)
    {
        var t = context.Texts;
        if (view.ViewerMayEditTexts)
        {
            yield return CardParts.SectionTitle(t["Protocol_Texts"]);
            foreach (var input in Inputs(view, t))
            {
                yield return input;
            }

            yield return new ActionSet([actions.Execute(t["Protocol_SaveTexts"], CardVerbs.ProtocolTexts, withInputs: true)]);
            yield break;
        }

        if (!string.IsNullOrWhiteSpace(view.Summary))
        {
            yield return CardParts.SectionTitle(t["Protocol_Summary"]);
            yield return CardParts.Plain(CardParts.Clip(view.Summary, 1500));
        }

        if (!string.IsNullOrWhiteSpace(view.NeedsAndObstacles))
        {
            yield return CardParts.SectionTitle(t["Protocol_Needs"]);
            yield return CardParts.Plain(CardParts.Clip(view.NeedsAndObstacles, 1500));
        }
    }

    /// <summary>"Protokoll korrigieren": the texts and a reason in a card that opens below.</summary>
    public static CardAction? Correction(ProtocolView view, CardContext context, CardActions actions)
    {
        if (!view.ViewerMayCorrect)
        {
            return null;
        }

        var t = context.Texts;
        var body = new List<CardElement> { CardParts.Hint(t.Format("Protocol_CorrectionHint", view.Version + 1)) };
        body.AddRange(Inputs(view, t));
        body.Add(new TextInput(CardDataKeys.Reason, t["Protocol_CorrectionReason"]) { MaxLength = 500, IsRequired = true, ErrorMessage = t["Input_TextRequired"] });
        return new ShowCardAction(t["Protocol_Correct"], new AdaptiveCard
        {
            Body = body,
            Actions = [actions.Execute(t["Protocol_SaveCorrection"], CardVerbs.ProtocolCorrect, withInputs: true)],
        });
    }

    private static IEnumerable<CardElement> Inputs(ProtocolView view, CardTexts t)
    {
        yield return new TextInput(CardDataKeys.Summary, t["Protocol_Summary"]) { Value = view.Summary, IsMultiline = true, MaxLength = MaxTextLength };
        yield return new TextInput(CardDataKeys.Needs, t["Protocol_Needs"]) { Value = view.NeedsAndObstacles, IsMultiline = true, MaxLength = MaxTextLength };
    }
}

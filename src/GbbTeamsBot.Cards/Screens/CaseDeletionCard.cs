using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>"löschen Ahorn-07": what would go, one confirming click (or cancel), then what went. Counts only.</summary>
public static class CaseDeletionCard
{
    public static AdaptiveCard Build(CaseDeletionView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        var t = context.Texts;
        var pseudonym = CardParts.Clip(view.CasePseudonym, 40);
        var body = new List<CardElement> { CardParts.Header(t["CaseDeletion_Title"], pseudonym) };
        switch (view.Stage)
        {
            case CaseDeletionStage.Deleted:
                body.Add(Banner(t.Format("CaseDeletion_Deleted", view.Sessions, view.Protocols, view.Agreements, pseudonym), isError: false));
                return Card(body, t["CaseDeletion_Title"]);
            case CaseDeletionStage.Cancelled:
                body.Add(new TextBlock(t["CaseDeletion_Cancelled"]) { Spacing = Spacing.Small });
                return Card(body, t["CaseDeletion_Cancelled"]);
        }

        if (view.Stage == CaseDeletionStage.Changed)
        {
            body.Add(Banner(t["CaseDeletion_Changed"], isError: true));
        }

        if (view.Sessions + view.Protocols + view.Agreements == 0)
        {
            body.Add(CardParts.Plain(t.Format("CaseDeletion_Nothing", pseudonym)) with { Spacing = Spacing.Small });
            return Card(body, t["CaseDeletion_Title"]);
        }

        body.Add(CardParts.Plain(t.Format("CaseDeletion_Question", pseudonym)) with { Spacing = Spacing.Small });
        body.Add(CardParts.Bullet(t.Format("CaseDeletion_Counts", view.Sessions, view.Protocols, view.Agreements)));
        body.Add(CardParts.Hint(t["CaseDeletion_Irreversible"]));
        if (view.Refusal is { } refusal)
        {
            body.Add(Banner(refusal, isError: true));
            return Card(body, t["CaseDeletion_Title"]);
        }

        var actions = new CardActions(context, null);
        var data = new JsonObject { [CardDataKeys.CasePseudonym] = view.CasePseudonym, [CardDataKeys.SessionCount] = view.Sessions };
        body.Add(new ActionSet([
            actions.Execute(t["CaseDeletion_Confirm"], CardVerbs.CaseDelete, data, style: ActionStyle.Destructive),
            actions.Execute(t["CaseDeletion_Cancel"], CardVerbs.CaseDeleteCancel),
        ]));
        return Card(body, t["CaseDeletion_Title"]);
    }

    /// <summary>A green or red line; plain text, since the deleted line carries the user's case reference.</summary>
    private static Container Banner(string text, bool isError) =>
        new([CardParts.Plain((isError ? "⚠ " : "✓ ") + text, weight: TextWeight.Bolder, color: isError ? TextColor.Attention : TextColor.Good)])
        {
            Style = isError ? ContainerStyle.Attention : ContainerStyle.Good,
            Spacing = Spacing.Small,
        };

    private static AdaptiveCard Card(List<CardElement> body, string fallback) => new() { Body = body, FallbackText = fallback };
}

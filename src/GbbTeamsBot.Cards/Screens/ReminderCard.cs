using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>
/// The reminder of a due or overdue agreement, sent to its owner: the case's pseudonym and the agreement's text only,
/// with "Erledigt" and "Neues Datum" right on the card.
/// </summary>
public static class ReminderCard
{
    public static AdaptiveCard Build(ReminderView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        var t = context.Texts;
        var actions = new CardActions(context, null);
        var body = new List<CardElement>
        {
            CardParts.Header(t[view.IsOverdue ? "Reminder_OverdueTitle" : "Reminder_Title"], t.Format("Common_CaseLine", view.CasePseudonym)),
        };
        if (view.Notice is { } notice)
        {
            body.Add(CardParts.Plain(notice, color: view.NoticeIsError ? TextColor.Attention : TextColor.Good));
        }

        body.Add(CardParts.Plain("• " + CardParts.Clip(view.What, 500), weight: TextWeight.Bolder));
        body.Add(new TextBlock(t.Format(view.IsOverdue ? "Reminder_WasDue" : "Reminder_Due", context.FormatDate(view.Due))) { Spacing = Spacing.Small });
        var data = new JsonObject
        {
            [CardDataKeys.Team] = view.TeamKey,
            [CardDataKeys.SessionId] = view.SessionId,
            [CardDataKeys.AgreementId] = view.AgreementId,
        };
        var cardActions = new List<CardAction>();
        if (!view.IsClosed)
        {
            cardActions.Add(actions.Execute(t["OpenAgreements_Done"], CardVerbs.ReminderDone, data, style: ActionStyle.Positive));
            cardActions.Add(new ShowCardAction(t["Reminder_NewDate"], new AdaptiveCard
            {
                Body = [new DateInput(CardDataKeys.Due, t["Reminder_NewDateLabel"]) { IsRequired = true, Min = context.Today, ErrorMessage = t["Reminder_DateRequired"] }],
                Actions = [actions.Execute(t["Reminder_SaveDate"], CardVerbs.ReminderReschedule, data, withInputs: true)],
            }));
        }

        body.Add(CardParts.Hint(t["Reminder_Hint"]));
        return new AdaptiveCard
        {
            Body = body,
            Actions = cardActions,
            FallbackText = t[view.IsOverdue ? "Reminder_OverdueTitle" : "Reminder_Title"] + " – " + view.CasePseudonym,
        };
    }
}

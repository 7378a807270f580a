using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>Team meeting agenda: every item with its timebox, the running item highlighted with its end time.</summary>
public static class AgendaCard
{
    public static AdaptiveCard Build(AgendaView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        var t = context.Texts;
        var actions = new CardActions(context, view.Session);
        var planned = view.Items.Sum(i => i.PlannedMinutes);
        var subtitle = t.Format("Agenda_Total", planned)
            + (view.MeetingEndsAt is { } end ? " · " + t.Format("Live_EndsAt", context.FormatTime(end)) : string.Empty);
        var body = new List<CardElement>
        {
            CardParts.Header(CardParts.Clip(view.MeetingTitle, 80), subtitle, titleIsUserText: true),
        };

        for (var i = 0; i < view.Items.Count && i < 40; i++)
        {
            var item = view.Items[i];
            var running = view.RunningIndex == i;
            var title = CardParts.Clip(item.Title, 100)
                + (item.CasePseudonym is { Length: > 0 } pseudonym ? " – " + t.Format("Common_CaseLine", CardParts.Clip(pseudonym, 40)) : string.Empty);
            var details = new List<CardElement>
            {
                CardParts.Plain($"{LiveSessionCard.Marker(item.Status)} {i + 1}. {title}", weight: running ? TextWeight.Bolder : TextWeight.Default, subtle: item.Status == PhaseStatus.Done),
                new TextBlock(t.Name(item.Kind) + " · " + (item.ActualMinutes is { } actual
                    ? t.Format("Live_PlannedActual", item.PlannedMinutes, actual)
                    : t.Format("Live_Planned", item.PlannedMinutes))) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.None },
            };
            if (running && view.ItemEndsAt is { } itemEnds)
            {
                // The end time only: the card is re-rendered when something happens, not by a clock.
                details.Add(new TextBlock(t.Format("Live_EndsAt", context.FormatTime(itemEnds)))
                {
                    Weight = TextWeight.Bolder,
                    Spacing = Spacing.None,
                });
            }

            body.Add(new Container(details)
            {
                Style = running ? ContainerStyle.Accent : ContainerStyle.Default,
                Spacing = Spacing.Small,
                Separator = !running,
            });
        }

        var cardActions = new List<CardAction>();
        if (view.ViewerIsModerator)
        {
            var hasNext = view.RunningIndex is null || view.RunningIndex < view.Items.Count - 1;
            if (hasNext)
            {
                cardActions.Add(actions.Execute(view.RunningIndex is null ? t["Agenda_Start"] : t["Agenda_Next"], CardVerbs.SessionNext, style: ActionStyle.Positive));
            }

            if (view.RunningIndex is not null)
            {
                cardActions.Add(actions.Execute(t.Format("Control_Extend", LiveSessionCard.ExtendMinutes), CardVerbs.SessionExtend, new JsonObject { [CardDataKeys.Minutes] = LiveSessionCard.ExtendMinutes }));
            }

            cardActions.Add(actions.Execute(t["Agenda_Finish"], CardVerbs.SessionFinish, style: hasNext ? ActionStyle.Destructive : ActionStyle.Positive));
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = cardActions,
            FallbackText = view.MeetingTitle,
            Refresh = actions.Refresh(CardViews.Agenda, view.RefreshUserIds),
        };
    }
}

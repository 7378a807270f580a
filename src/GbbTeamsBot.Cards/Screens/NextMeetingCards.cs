using System.Globalization;
using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>The form "Nächsten Termin planen": date, time, duration, invitees; <see cref="Problem"/> repeats a refusal.</summary>
public sealed record NextMeetingFormView(SessionRef Session, MethodKind Method, string? CasePseudonym, DateOnly Date, string Time, int Minutes)
{
    public string Invitees { get; init; } = string.Empty;

    public string? Problem { get; init; }
}

/// <summary>What became of "Termin anlegen".</summary>
public enum NextMeetingResultKind
{
    Scheduled,
    Deferred,
    PermissionMissing,
    NotFound,
    Rejected,
    Off,
}

public sealed record NextMeetingResultView(NextMeetingResultKind Kind, MethodKind Method, string? CasePseudonym)
{
    public DateTimeOffset? Start { get; init; }

    public Uri? JoinUrl { get; init; }
}

public static class NextMeetingCards
{
    public static IReadOnlyList<int> DurationChoices { get; } = [30, 45, 60, 90, 120];

    /// <summary>The times offered, every half hour from 07:00 to 19:30.</summary>
    public static IReadOnlyList<string> TimeChoices { get; } =
        Enumerable.Range(14, 26).Select(h => TimeSpan.FromMinutes(h * 30).ToString(@"hh\:mm", CultureInfo.InvariantCulture)).ToList();

    /// <summary>The Graph application permission the calendar needs (named on the card when it is missing).</summary>
    public const string CalendarPermission = "Calendars.ReadWrite";

    public static AdaptiveCard Form(NextMeetingFormView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        var t = context.Texts;
        var actions = new CardActions(context, view.Session);
        var body = new List<CardElement> { Header(t, view.Method, view.CasePseudonym) };
        if (view.Problem is not null)
        {
            body.Add(CardParts.Plain(view.Problem, color: TextColor.Attention));
        }

        body.Add(new TextBlock(t["NextMeeting_Intro"]) { Size = TextSize.Small, Spacing = Spacing.Small });
        body.Add(new DateInput(CardDataKeys.MeetingDate, t["NextMeeting_Date"]) { Value = view.Date, Min = context.Today, IsRequired = true, ErrorMessage = t["NextMeeting_InvalidTime"] });
        body.Add(new ChoiceSetInput(CardDataKeys.MeetingTime, t["NextMeeting_Time"], TimeChoices.Select(c => new Choice(c, c)).ToList()) { Value = view.Time });
        body.Add(new ChoiceSetInput(CardDataKeys.MeetingMinutes, t["NextMeeting_Duration"], DurationChoices.Select(m => new Choice(t.Format("NextMeeting_Minutes", m), m.ToString(CultureInfo.InvariantCulture))).ToList())
        {
            Value = view.Minutes.ToString(CultureInfo.InvariantCulture),
        });
        body.Add(new TextInput(CardDataKeys.MeetingInvitees, t["NextMeeting_Invitees"]) { Value = view.Invitees, MaxLength = 2000 });
        return new AdaptiveCard
        {
            Body = body,
            Actions = [actions.Execute(t["NextMeeting_Schedule"], CardVerbs.MeetingSchedule, withInputs: true, style: ActionStyle.Positive)],
            FallbackText = t["NextMeeting_Title"],
        };
    }

    public static AdaptiveCard Result(NextMeetingResultView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        var t = context.Texts;
        var body = new List<CardElement> { Header(t, view.Method, view.CasePseudonym) };
        var cardActions = new List<CardAction>();
        switch (view.Kind)
        {
            case NextMeetingResultKind.Scheduled:
                body.Add(CardParts.Plain(t.Format("NextMeeting_Scheduled", view.Start is { } start ? context.FormatDateTime(start) : "?"), color: TextColor.Good));
                if (view.JoinUrl is { } join)
                {
                    body.Add(CardParts.Hint(join.ToString()));
                    cardActions.Add(new OpenUrlAction(t["NextMeeting_Join"], join));
                }

                break;
            case NextMeetingResultKind.Deferred:
                body.Add(CardParts.Plain(t["NextMeeting_Deferred"], color: TextColor.Warning));
                break;
            case NextMeetingResultKind.PermissionMissing:
                body.Add(CardParts.Plain(t.Format("Graph_PermissionMissing", CalendarPermission), color: TextColor.Attention));
                break;
            case NextMeetingResultKind.NotFound:
                body.Add(CardParts.Plain(t.Format("Graph_NotFound", t["NextMeeting_Calendar"]), color: TextColor.Attention));
                break;
            case NextMeetingResultKind.Rejected:
                body.Add(CardParts.Plain(t["Graph_Rejected"], color: TextColor.Attention));
                break;
            default:
                body.Add(CardParts.Plain(t["Graph_Off"], color: TextColor.Attention));
                break;
        }

        return new AdaptiveCard { Body = body, Actions = cardActions, FallbackText = t["NextMeeting_Title"] };
    }

    private static Container Header(CardTexts t, MethodKind method, string? pseudonym) =>
        CardParts.Header(t["NextMeeting_Title"], string.IsNullOrWhiteSpace(pseudonym) ? t.Name(method) : t.Name(method) + " · " + CardParts.Clip(pseudonym, 60));
}

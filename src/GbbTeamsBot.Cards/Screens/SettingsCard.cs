using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>The team's settings; more settings are added as further rows of <see cref="TeamSettingsView"/>.</summary>
public sealed record TeamSettingsView(string TeamName, UiLanguage Language, string TimeZoneId, IReadOnlyList<string> TimeZones)
{
    /// <summary>The viewer may change the settings; otherwise the card shows them read-only with the reason.</summary>
    public bool ViewerMayChange { get; init; }

    public MessageView? Notice { get; init; }

    /// <summary>Months the team keeps ended sessions; null: the deployment's default, <see cref="DefaultRetentionMonths"/>.</summary>
    public int? RetentionMonths { get; init; }

    public int DefaultRetentionMonths { get; init; } = 24;

    public IReadOnlyList<int> RetentionChoices { get; init; } = [];

    /// <summary>Working days before the due date agreement owners are reminded (0: off).</summary>
    public int ReminderDaysBefore { get; init; } = 2;

    public IReadOnlyList<int> ReminderChoices { get; init; } = [];
    /// <summary>The Microsoft 365 features; null when Graph is off for the whole deployment (the card then shows none).</summary>
    public GraphSettingsView? Graph { get; init; }
}

/// <summary>The team's Microsoft 365 features and, if the last Graph work failed, what the team should know.</summary>
public sealed record GraphSettingsView(bool Calendar, bool Planner, bool Files, string? PlanId)
{
    /// <summary>A problem of the last Graph work, already phrased for the reader (e.g. the missing permission).</summary>
    public string? Problem { get; init; }
}

/// <summary>"einstellungen" / "settings": language, time zone and retention period of the team, saved with one button.</summary>
public static class SettingsCard
{
    /// <summary>The retention choice "the deployment's default" (no months of the team's own).</summary>
    public const string DefaultRetentionValue = "default";

    public static AdaptiveCard Build(TeamSettingsView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        var t = context.Texts;
        var actions = new CardActions(context, session: null);
        var body = new List<CardElement> { CardParts.Header(t["Settings_Title"], CardParts.Clip(view.TeamName, 80)) };
        if (view.Notice is not null)
        {
            body.Add(CardParts.Notice(t, view.Notice, isError: view.Notice.IsError));
        }

        body.Add(new TextBlock(t["Settings_Intro"]) { Size = TextSize.Small, Spacing = Spacing.Small });
        if (view.ViewerMayChange)
        {
            body.Add(new ChoiceSetInput(CardDataKeys.Language, t["Settings_Language"], [
                new Choice(t["Settings_Language_German"], "de"),
                new Choice(t["Settings_Language_English"], "en"),
            ])
            {
                Value = view.Language == UiLanguage.English ? "en" : "de",
                Style = ChoiceInputStyle.Expanded,
            });
            body.Add(new ChoiceSetInput(CardDataKeys.TimeZone, t["Settings_TimeZone"], view.TimeZones.Select(z => new Choice(z, z)).ToList())
            {
                Value = view.TimeZoneId,
            });
            body.Add(new ChoiceSetInput(CardDataKeys.RetentionMonths, t["Settings_Retention"], [
                new Choice(t.Format("Settings_Retention_Default", view.DefaultRetentionMonths), DefaultRetentionValue),
                .. view.RetentionChoices.Select(m => new Choice(t.Format("Settings_Retention_Months", m), m.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            ])
            {
                Value = view.RetentionMonths?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? DefaultRetentionValue,
            });
            if (view.ReminderChoices.Count > 0)
            {
                body.Add(new ChoiceSetInput(CardDataKeys.ReminderDays, t["Settings_Reminders"], [.. view.ReminderChoices.Select(d => new Choice(ReminderChoice(t, d), d.ToString(System.Globalization.CultureInfo.InvariantCulture)))])
                {
                    Value = view.ReminderDaysBefore.ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
            }

            if (view.Graph is { } graph)
            {
                body.AddRange(GraphInputs(t, graph));
            }

            body.Add(new ActionSet([actions.Execute(t["Settings_Save"], CardVerbs.SettingsSave, withInputs: true, style: ActionStyle.Positive)]));
        }
        else
        {
            body.Add(new FactSet([
                new Fact(t["Settings_Language"], view.Language == UiLanguage.English ? t["Settings_Language_English"] : t["Settings_Language_German"]),
                new Fact(t["Settings_TimeZone"], view.TimeZoneId),
                new Fact(t["Settings_Retention"], view.RetentionMonths is { } months ? t.Format("Settings_Retention_Months", months) : t.Format("Settings_Retention_Default", view.DefaultRetentionMonths)),
                new Fact(t["Settings_Reminders"], ReminderChoice(t, view.ReminderDaysBefore)),
            ]));
            if (view.Graph is { } graph)
            {
                body.Add(CardParts.SectionTitle(t["Settings_Graph"]));
                body.Add(new FactSet([
                    new Fact(t["Settings_Graph_Calendar"], OnOff(t, graph.Calendar)),
                    new Fact(t["Settings_Graph_Planner"], OnOff(t, graph.Planner)),
                    new Fact(t["Settings_Graph_Files"], OnOff(t, graph.Files)),
                ]));
            }

            body.Add(CardParts.Hint(t["Settings_ReadOnly"]));
        }

        return new AdaptiveCard { Body = body, FallbackText = t["Settings_Title"] };
    }

    private static string ReminderChoice(CardTexts t, int days) => days == 0 ? t["Settings_Reminders_Off"] : t.Format("Settings_Reminders_Days", days);

    private static IEnumerable<CardElement> GraphInputs(CardTexts t, GraphSettingsView graph)
    {
        yield return CardParts.SectionTitle(t["Settings_Graph"]);
        yield return CardParts.Hint(t["Settings_Graph_Intro"]);
        if (graph.Problem is not null)
        {
            yield return CardParts.Plain(t.Format("Settings_Graph_Problem", graph.Problem), color: TextColor.Attention);
        }

        yield return new ToggleInput(CardDataKeys.GraphCalendar, t["Settings_Graph"], t["Settings_Graph_Calendar"]) { Value = graph.Calendar };
        yield return new ToggleInput(CardDataKeys.GraphPlanner, t["Settings_Graph"], t["Settings_Graph_Planner"]) { Value = graph.Planner };
        yield return new TextInput(CardDataKeys.PlannerPlanId, t["Settings_Graph_PlanId"]) { Value = graph.PlanId, MaxLength = 100 };
        yield return new ToggleInput(CardDataKeys.GraphFiles, t["Settings_Graph"], t["Settings_Graph_Files"]) { Value = graph.Files };
    }

    private static string OnOff(CardTexts t, bool on) => on ? t["Settings_Graph_On"] : t["Settings_Graph_Off"];
}

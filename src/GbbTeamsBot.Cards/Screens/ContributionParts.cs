using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>Renders contributions grouped by kind and area, and the typed input for adding one.</summary>
internal static class ContributionParts
{
    public static IEnumerable<CardElement> Grouped(CardTexts t, IReadOnlyList<ContributionView> contributions, DisplayLimits limits)
    {
        var shown = contributions.TakeLast(limits.Items).ToArray();
        var groups = shown
            .GroupBy(c => (c.Kind, Sub: SubGroup(c)))
            .OrderBy(g => Array.IndexOf(KindOrder, g.Key.Kind))
            .ThenBy(g => g.Key.Sub);
        foreach (var group in groups)
        {
            yield return new TextBlock(GroupTitle(t, group.First())) { Weight = TextWeight.Bolder, Spacing = Spacing.Small };
            foreach (var contribution in group)
            {
                yield return Entry(t, contribution, limits.TextChars);
            }
        }

        if (contributions.Count > shown.Length)
        {
            yield return CardParts.Hint(t.Format("Common_MoreEntries", contributions.Count - shown.Length));
        }
    }

    // The order the method works in: the situation first, then resources, then ideas.
    private static readonly ContributionKind[] KindOrder =
    [
        ContributionKind.ProjectInput,
        ContributionKind.ClarifyingQuestion,
        ContributionKind.Ampeltorte,
        ContributionKind.FocusQuestion,
        ContributionKind.HelperSystem,
        ContributionKind.RoundEntry,
        ContributionKind.Resource,
        ContributionKind.Idea,
        ContributionKind.Note,
    ];

    public static CardElement Entry(CardTexts t, ContributionView c, int maxChars)
    {
        var text = CardParts.Clip(c.Text, maxChars);
        var runs = new List<TextRun>();
        switch (c.Kind)
        {
            case ContributionKind.Ampeltorte when c.Light is { } light:
                runs.Add(new TextRun("● ") { Color = LightColor(light) });
                runs.Add(new TextRun(text));
                break;
            case ContributionKind.Idea when c.IsChosen:
                runs.Add(new TextRun("★ ") { Color = TextColor.Accent });
                runs.Add(new TextRun(text) { Weight = TextWeight.Bolder });
                runs.Add(new TextRun(" (" + t["Ideas_Chosen"] + ")") { IsSubtle = true });
                break;
            case ContributionKind.HelperSystem:
                runs.Add(new TextRun("• " + CardParts.Clip(c.Agency ?? string.Empty, 80) + ": ") { Weight = TextWeight.Bolder });
                runs.Add(new TextRun(t["Helper_Mandate"] + ": " + CardParts.Clip(c.Mandate ?? string.Empty, maxChars)));
                if (c.CurrentActivities is { Length: > 0 } activities)
                {
                    runs.Add(new TextRun(" · " + t["Helper_Activities"] + ": " + CardParts.Clip(activities, maxChars)));
                }

                break;
            default:
                runs.Add(new TextRun("• " + text));
                break;
        }

        if (c.Kind == ContributionKind.RoundEntry && c.Place is { Length: > 0 } place)
        {
            runs.Add(new TextRun(" – " + t["Round_Place"] + ": " + CardParts.Clip(place, 80)) { IsSubtle = true });
        }

        if (c.IsFromCatalogue)
        {
            runs.Add(new TextRun(" · " + t["Knowledge_FromCatalogueMark"]) { IsSubtle = true });
        }

        if (c.AuthorName is { Length: > 0 } author)
        {
            runs.Add(new TextRun(" (" + CardParts.Clip(author, 40) + ")") { IsSubtle = true });
        }

        return new RichTextBlock(runs) { Spacing = Spacing.None };
    }

    public static TextColor LightColor(TrafficLight light) => light switch
    {
        TrafficLight.Green => TextColor.Good,
        TrafficLight.Yellow => TextColor.Warning,
        _ => TextColor.Attention,
    };

    public static ContainerStyle LightStyle(TrafficLight light) => light switch
    {
        TrafficLight.Green => ContainerStyle.Good,
        TrafficLight.Yellow => ContainerStyle.Warning,
        _ => ContainerStyle.Attention,
    };

    /// <summary>The input form for one contribution kind, with its "add" button.</summary>
    /// <param name="phaseIndex">The phase the card shows; sent along so an entry that arrives after the phase moved on can still be stored there.</param>
    public static Container Input(CardTexts t, ContributionKind kind, CardActions actions, int? phaseIndex = null)
    {
        var items = new List<CardElement>
        {
            new TextBlock(t[$"Input_{kind}_Title"]) { Weight = TextWeight.Bolder },
        };
        switch (kind)
        {
            case ContributionKind.Resource:
                items.Add(RequiredChoice<ResourceArea>(t, CardDataKeys.Area, t["Input_Area"], Names.Name, ResourceArea.Persoenlich));
                break;
            case ContributionKind.Idea:
                items.Add(RequiredChoice<IdeaLevel>(t, CardDataKeys.Level, t["Input_Level"], Names.Name, IdeaLevel.Selbst));
                break;
            case ContributionKind.Ampeltorte:
                items.Add(new ColumnSet([
                    new Column([
                        RequiredChoice<LifeDomain>(t, CardDataKeys.Domain, t["Input_Domain"], Names.Name, LifeDomain.FinanzenWohnen),
                    ]) { Width = ColumnWidth.Stretch },
                    new Column([
                        // Start with green when the person is unsure.
                        RequiredChoice<TrafficLight>(t, CardDataKeys.Light, t["Input_Light"], Names.Name, TrafficLight.Green),
                    ]) { Width = ColumnWidth.Stretch },
                ]));
                break;
            case ContributionKind.RoundEntry:
                items.Add(RequiredChoice<RoundCategory>(t, CardDataKeys.Category, t["Input_Category"], Names.Name, RoundCategory.Beobachtung));
                break;
            case ContributionKind.HelperSystem:
                items.Add(new TextInput(CardDataKeys.Agency, t["Input_Agency"])
                {
                    Placeholder = t["Input_Agency_Placeholder"],
                    MaxLength = CardLimits.MaxShortTextLength,
                    IsRequired = true,
                    ErrorMessage = t["Input_TextRequired"],
                });
                items.Add(new TextInput(CardDataKeys.Mandate, t["Input_Mandate"])
                {
                    Placeholder = t["Input_Mandate_Placeholder"],
                    MaxLength = CardLimits.MaxShortTextLength,
                    IsRequired = true,
                    ErrorMessage = t["Input_TextRequired"],
                });
                break;
        }

        var isHelper = kind == ContributionKind.HelperSystem;
        items.Add(new TextInput(isHelper ? CardDataKeys.Activities : CardDataKeys.Text, t[$"Input_{kind}_Label"])
        {
            Placeholder = t[$"Input_{kind}_Placeholder"],
            IsMultiline = true,
            MaxLength = CardLimits.MaxTextLength,
            IsRequired = true,
            ErrorMessage = t["Input_TextRequired"],
        });
        if (kind == ContributionKind.RoundEntry)
        {
            items.Add(new TextInput(CardDataKeys.Place, t["Input_Place"])
            {
                Placeholder = t["Input_Place_Placeholder"],
                MaxLength = CardLimits.MaxShortTextLength,
            });
        }

        items.Add(CardParts.Hint(t["Common_FactsOnly"]));
        items.Add(new ActionSet([
            actions.Execute(
                t["Input_Add"],
                CardVerbs.ContributionAdd,
                phaseIndex is { } phase
                    ? new JsonObject { [CardDataKeys.Kind] = kind.ToString(), [CardDataKeys.Phase] = phase }
                    : new JsonObject { [CardDataKeys.Kind] = kind.ToString() },
                withInputs: true,
                style: ActionStyle.Positive),
        ]));
        return new Container(items) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium, Separator = true };
    }

    /// <summary>A required drop-down over an enum, preselected so the common case is one click.</summary>
    private static ChoiceSetInput RequiredChoice<T>(CardTexts t, string id, string label, Func<CardTexts, T, string> name, T preselected)
        where T : struct, Enum =>
        new(id, label, t.Choices(name))
        {
            Value = preselected.ToString(),
            IsRequired = true,
            ErrorMessage = t["Input_ChoiceRequired"],
        };

    private static int SubGroup(ContributionView c) => c.Kind switch
    {
        ContributionKind.Resource => (int)(c.Area ?? ResourceArea.Persoenlich),
        ContributionKind.Idea => (int)(c.Level ?? IdeaLevel.Selbst),
        ContributionKind.Ampeltorte => (int)(c.Domain ?? LifeDomain.FinanzenWohnen),
        ContributionKind.RoundEntry => (int)(c.Category ?? RoundCategory.Weiteres),
        _ => 0,
    };

    private static string GroupTitle(CardTexts t, ContributionView c) => c.Kind switch
    {
        ContributionKind.Resource => t["Group_Resource"] + " – " + t.Name(c.Area ?? ResourceArea.Persoenlich),
        ContributionKind.Idea => t["Group_Idea"] + " – " + t.Name(c.Level ?? IdeaLevel.Selbst),
        ContributionKind.Ampeltorte => t["Group_Ampeltorte"] + " – " + t.Name(c.Domain ?? LifeDomain.FinanzenWohnen),
        ContributionKind.RoundEntry => t.Name(c.Category ?? RoundCategory.Weiteres),
        _ => t[$"Group_{c.Kind}"],
    };
}

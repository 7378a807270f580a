using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>The Sozialraumwissen: search results grouped by category, the ranking of Bedarfslagen, and the edit card.</summary>
public static class KnowledgeCards
{
    /// <summary>Entries shown with their buttons; the rest are counted ("n weitere"), the CSV export has all.</summary>
    public const int MaxEntries = 12;

    public static AdaptiveCard List(KnowledgeListView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        var t = context.Texts;
        var actions = new CardActions(context, null);
        var body = new List<CardElement>
        {
            CardParts.Header(t["Knowledge_Title"], view.Query.Length == 0 ? t["Knowledge_AllEntries"] : t.Format("Knowledge_SearchFor", CardParts.Clip(view.Query, 80))),
        };
        AddNotice(body, view.Notice);
        if (view.Entries.Count == 0)
        {
            body.Add(new TextBlock(view.TotalInCatalogue == 0 ? t["Knowledge_Empty"] : t["Knowledge_NoMatch"]) { Spacing = Spacing.Small });
        }

        var shown = view.Entries.Take(MaxEntries).ToList();
        foreach (var group in shown.GroupBy(e => e.Category).OrderBy(g => g.Key))
        {
            body.Add(CardParts.SectionTitle(t.Format("Knowledge_GroupTitle", t[$"KnowledgeKind_{group.Key}"], view.Entries.Count(e => e.Category == group.Key))));
            foreach (var entry in group)
            {
                body.Add(EntryBlock(t, context, actions, entry, view.Query));
            }
        }

        if (view.Entries.Count > shown.Count)
        {
            body.Add(CardParts.Hint(t.Format("Common_MoreEntries", view.Entries.Count - shown.Count)));
        }

        body.Add(CardParts.Hint(t["Knowledge_Usage"]));
        return new AdaptiveCard
        {
            Body = body,
            Actions = view.TotalInCatalogue == 0 ? [] : [actions.Execute(t["Knowledge_Export"], KnowledgeVerbs.Export, new JsonObject { [KnowledgeDataKeys.Query] = view.Query })],
            FallbackText = t["Knowledge_Title"],
        };
    }

    public static AdaptiveCard Needs(NeedsView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        var t = context.Texts;
        var body = new List<CardElement>
        {
            CardParts.Header(t["Needs_Title"], t["Needs_Subtitle"]),
        };
        if (view.Needs.Count == 0)
        {
            body.Add(new TextBlock(t["Needs_None"]) { Spacing = Spacing.Small });
        }

        var rank = 0;
        foreach (var need in view.Needs)
        {
            rank++;
            body.Add(new Container([
                CardParts.Plain(t.Format("Needs_Rank", rank, CardParts.Clip(need.Entry.Title, 120)), weight: TextWeight.Bolder),
                CardParts.Plain(t.Format("Needs_Counts", need.Last3Months, need.Last6Months, need.Last12Months, t[$"NeedTrend_{need.Trend}"]), TextSize.Small, subtle: true) with { Spacing = Spacing.None },
                CardParts.Plain(Mentions(t, context, need.Entry), TextSize.Small, subtle: true) with { Spacing = Spacing.None },
            ]) { Separator = true, Spacing = Spacing.Small });
        }

        return new AdaptiveCard { Body = body, FallbackText = t["Needs_Title"] };
    }

    public static AdaptiveCard Edit(KnowledgeEditView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        var t = context.Texts;
        var e = view.Entry;
        var actions = new CardActions(context, null);
        var body = new List<CardElement> { CardParts.Header(t["Knowledge_EditTitle"], CardParts.Clip(e.Title, 80)) };
        AddNotice(body, view.Notice);
        body.Add(new ChoiceSetInput(KnowledgeDataKeys.Category, t["Knowledge_Field_Category"], t.Choices<KnowledgeKind>((x, k) => x[$"KnowledgeKind_{k}"]))
        {
            Value = e.Category.ToString(),
            Style = ChoiceInputStyle.Compact,
            IsRequired = true,
            ErrorMessage = t["Knowledge_Field_Required"],
        });
        body.Add(new TextInput(KnowledgeDataKeys.Title, t["Knowledge_Field_Title"]) { Value = e.Title, MaxLength = 120, IsRequired = true, ErrorMessage = t["Knowledge_Field_Required"] });
        body.Add(new TextInput(KnowledgeDataKeys.Description, t["Knowledge_Field_Description"]) { Value = e.Description, MaxLength = 1000, IsMultiline = true });
        body.Add(new TextInput(KnowledgeDataKeys.Area, t["Knowledge_Field_Area"]) { Value = e.Area, MaxLength = 100 });
        body.Add(new TextInput(KnowledgeDataKeys.Place, t["Knowledge_Field_Place"]) { Value = e.Place, MaxLength = 100 });
        body.Add(new TextInput(KnowledgeDataKeys.Tags, t["Knowledge_Field_Tags"]) { Value = string.Join(", ", e.Tags), MaxLength = 450, Placeholder = t["Knowledge_Field_TagsHint"] });
        body.Add(CardParts.PrivacyNote(t));
        var ids = new JsonObject { [KnowledgeDataKeys.EntryId] = e.EntryId, [KnowledgeDataKeys.Revision] = e.Revision, [KnowledgeDataKeys.Query] = view.Query };
        var buttons = new List<CardAction> { actions.Execute(t["Knowledge_Save"], KnowledgeVerbs.Save, ids, withInputs: true, style: ActionStyle.Positive) };
        if (view.OfferKeepDespiteWarnings)
        {
            buttons.Add(actions.Execute(t["Knowledge_KeepDespiteWarnings"], KnowledgeVerbs.Save, With(ids, KnowledgeDataKeys.ConfirmedDespiteWarnings, "true"), withInputs: true));
        }

        buttons.Add(actions.Execute(t["Knowledge_BackToList"], KnowledgeVerbs.Search, new JsonObject { [KnowledgeDataKeys.Query] = view.Query }));
        return new AdaptiveCard
        {
            Body = body,
            Actions = buttons,
            FallbackText = t["Knowledge_EditTitle"],
        };
    }

    /// <summary>The "Aus dem Sozialraumwissen" block of the live card: each entry with a button that adds it as a resource.</summary>
    internal static IEnumerable<CardElement> Suggestions(CardTexts t, CardActions actions, IReadOnlyList<KnowledgeSuggestionView> suggestions, int phaseIndex)
    {
        yield return CardParts.SectionTitle(t["Knowledge_FromCatalogue"]);
        if (suggestions.Count == 0)
        {
            yield return CardParts.Hint(t["Knowledge_NoSuggestions"]);
            yield break;
        }

        foreach (var s in suggestions)
        {
            var line = t[$"KnowledgeKind_{s.Category}"] + " · " + CardParts.Clip(s.Title, 120) + (s.Place is { Length: > 0 } place ? " (" + CardParts.Clip(place, 60) + ")" : string.Empty);
            yield return new ColumnSet([
                new Column([CardParts.Plain(line)]) { Width = ColumnWidth.Stretch, VerticalContentAlignment = VerticalAlignment.Center },
                new Column([
                    new ActionSet([
                        actions.Execute(t["Knowledge_AddSuggestion"], CardVerbs.ContributionAdd, new JsonObject
                        {
                            [CardDataKeys.Kind] = nameof(ContributionKind.Resource),
                            [CardDataKeys.Area] = nameof(ResourceArea.Sozialraum),
                            [CardDataKeys.Text] = s.Title,
                            [CardDataKeys.Phase] = phaseIndex,
                            [KnowledgeDataKeys.KnowledgeEntryId] = s.EntryId,
                        }, style: ActionStyle.Positive),
                    ]),
                ]) { Width = ColumnWidth.Auto },
            ]) { Spacing = Spacing.Small };
        }
    }

    /// <summary>The confirm card's proposal: per entry "neu" or "zählt zu „…“", and "Nicht übernehmen" / "Doch übernehmen".</summary>
    internal static IEnumerable<CardElement> Proposal(CardTexts t, CardActions actions, IReadOnlyList<KnowledgeProposalView> proposal)
    {
        yield return CardParts.SectionTitle(t["Knowledge_ProposalTitle"]);
        if (proposal.Count == 0)
        {
            yield return CardParts.Hint(t["Knowledge_ProposalNone"]);
            yield break;
        }

        foreach (var p in proposal)
        {
            var what = p.IsSkipped
                ? t["Knowledge_ProposalSkipped"]
                : p.MatchesTitle is { } match ? t.Format("Knowledge_ProposalMatches", CardParts.Clip(match, 80)) : t["Knowledge_ProposalNew"];
            yield return new ColumnSet([
                new Column([
                    CardParts.Plain(t[$"KnowledgeKind_{p.Category}"] + " · " + CardParts.Clip(p.Title, 120)),
                    CardParts.Plain(what, TextSize.Small, subtle: true) with { Spacing = Spacing.None },
                ]) { Width = ColumnWidth.Stretch },
                new Column([
                    new ActionSet([
                        actions.Execute(p.IsSkipped ? t["Knowledge_ProposalTake"] : t["Knowledge_ProposalSkip"], KnowledgeVerbs.Skip, new JsonObject
                        {
                            [KnowledgeDataKeys.ItemKey] = p.ItemKey,
                            [KnowledgeDataKeys.Skip] = p.IsSkipped ? "false" : "true",
                        }),
                    ]),
                ]) { Width = ColumnWidth.Auto, VerticalContentAlignment = VerticalAlignment.Center },
            ]) { Spacing = Spacing.Small, Separator = true };
        }
    }

    private static Container EntryBlock(CardTexts t, CardContext context, CardActions actions, KnowledgeEntryView e, string query)
    {
        var items = new List<CardElement>
        {
            CardParts.Plain(CardParts.Clip(e.Title, 160), weight: TextWeight.Bolder),
        };
        if (e.Description is { Length: > 0 } description)
        {
            items.Add(CardParts.Plain(CardParts.Clip(description, 200), TextSize.Small) with { Spacing = Spacing.None });
        }

        var where = string.Join(" · ", new[] { e.Area, e.Place }.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => CardParts.Clip(x!, 60)));
        if (where.Length > 0)
        {
            items.Add(CardParts.Plain(where, TextSize.Small, subtle: true) with { Spacing = Spacing.None });
        }

        var state = Mentions(t, context, e);
        if (e.IsOutdated)
        {
            state += " · " + t["Knowledge_Outdated"];
        }

        if (e.IsLongNotMentioned)
        {
            state += " · " + t["Knowledge_LongNotMentioned"];
        }

        items.Add(CardParts.Plain(state, TextSize.Small, subtle: true) with { Spacing = Spacing.None });
        if (e.Tags.Count > 0)
        {
            items.Add(CardParts.Plain("# " + CardParts.Clip(string.Join(", ", e.Tags), 120), TextSize.Small, subtle: true) with { Spacing = Spacing.None });
        }

        var ids = new JsonObject { [KnowledgeDataKeys.EntryId] = e.EntryId, [KnowledgeDataKeys.Revision] = e.Revision, [KnowledgeDataKeys.Query] = query };
        var buttons = new List<CardAction>
        {
            actions.Execute(t["Knowledge_EditButton"], KnowledgeVerbs.Edit, ids),
            actions.Execute(e.IsOutdated ? t["Knowledge_MarkCurrent"] : t["Knowledge_MarkOutdated"], KnowledgeVerbs.Outdated, With(ids, KnowledgeDataKeys.Outdated, e.IsOutdated ? "false" : "true")),
        };
        foreach (var duplicate in e.Duplicates.Take(2))
        {
            buttons.Add(actions.Execute(t.Format("Knowledge_MergeInto", CardParts.Clip(duplicate.Title, 40)), KnowledgeVerbs.Merge, With(ids, KnowledgeDataKeys.TargetId, duplicate.EntryId)));
        }

        items.Add(new ActionSet(buttons) { Spacing = Spacing.Small });
        return new Container(items) { Separator = true, Spacing = Spacing.Small };
    }

    private static string Mentions(CardTexts t, CardContext context, KnowledgeEntryView e) =>
        t.Format("Knowledge_Mentions", e.MentionCount, context.FormatDate(DateOnly.FromDateTime(context.ToLocal(e.LastMentioned).DateTime)));

    private static JsonObject With(JsonObject data, string key, string value)
    {
        var copy = (JsonObject)data.DeepClone();
        copy[key] = value;
        return copy;
    }

    private static void AddNotice(List<CardElement> body, KnowledgeNotice? notice)
    {
        if (notice is null)
        {
            return;
        }

        body.Add(new Container([new TextBlock((notice.IsError ? "⚠ " : "✓ ") + notice.Text) { Color = notice.IsError ? TextColor.Attention : TextColor.Good, Weight = TextWeight.Bolder }])
        {
            Style = notice.IsError ? ContainerStyle.Attention : ContainerStyle.Good,
            Spacing = Spacing.Small,
        });
    }
}

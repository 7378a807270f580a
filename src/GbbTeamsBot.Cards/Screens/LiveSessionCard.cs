using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>
/// The running session for one viewer, built to fit one laptop screen: the current phase with its guidance and end
/// time, the moderator's controls right below it, the viewer's input, this phase's entries, then the links to the
/// views and a collapsed "Verlauf" (timeline planned vs. actual and the entries of earlier phases).
/// The card shows no running "noch N Min." and depends on the session's state only (not on the viewer's clock), so
/// it is re-rendered when something happens (an entry, a phase change, a deadline), never because time passed: a
/// re-render throws away what people are typing.
/// </summary>
public static class LiveSessionCard
{
    /// <summary>Minutes the "+2 Min." button adds.</summary>
    public const int ExtendMinutes = 2;

    /// <summary>Element ids of the collapsible parts.</summary>
    public const string HistoryId = "history";

    public const string FinishConfirmId = "finishConfirm";

    public const string HandOverId = "handOver";

    /// <summary>Entries of the current phase the live card shows at most (the newest); the views list everything.</summary>
    public const int MaxLiveEntries = 8;

    /// <summary>Entries of earlier phases the "Verlauf" shows at most (the newest).</summary>
    public const int MaxHistoryEntries = 20;

    public static AdaptiveCard Build(LiveSessionView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        if (view.Phases.Count == 0 || view.CurrentPhaseIndex < 0 || view.CurrentPhaseIndex >= view.Phases.Count)
        {
            throw new ArgumentException("The current phase index must point into the phase list.", nameof(view));
        }

        return CardParts.Fit(limits => Build(view, context, limits));
    }

    private static AdaptiveCard Build(LiveSessionView view, CardContext context, DisplayLimits limits)
    {
        var t = context.Texts;
        var actions = new CardActions(context, view.Session);
        var phase = view.Phases[view.CurrentPhaseIndex];

        var body = new List<CardElement>
        {
            CardParts.Header(t.Name(view.Method), t.Format("Common_CaseLine", view.CasePseudonym)),
        };
        if (view.Notice is not null)
        {
            body.Add(CardParts.Notice(t, view.Notice, isError: view.Notice.IsError));
        }

        body.Add(PhaseBlock(view, phase, context));
        if (view.ConsentWithdrawn)
        {
            body.Add(new TextBlock("⛔ " + t["Live_ConsentWithdrawn"]) { Color = TextColor.Attention, Weight = TextWeight.Bolder, Spacing = Spacing.Small });
        }

        if (view.JoinOffered)
        {
            body.Add(new ActionSet([actions.Execute(t["Live_Join"], CardVerbs.SessionJoin, style: ActionStyle.Positive)]) { Spacing = Spacing.Small });
        }

        if (view.Viewer.IsModerator)
        {
            body.AddRange(ModeratorControls(view, t, actions));
        }

        // What became of the earlier agreements comes before this session's entries.
        body.AddRange(EarlierAgreementsPart.Build(view, context, actions, limits with { Items = Math.Min(limits.Items, MaxLiveEntries) }));
        body.Add(RoleLine(view, t));
        body.AddRange(ParticipationControls(view, t, actions));

        if (view.Viewer.MayAdd is { } kind && !view.IsPaused)
        {
            body.Add(ContributionParts.Input(t, kind, actions, view.CurrentPhaseIndex));
            if (view.OffersKnowledge && kind == ContributionKind.Resource)
            {
                body.AddRange(view.KnowledgeSuggestions is { } suggestions
                    ? KnowledgeCards.Suggestions(t, actions, suggestions, view.CurrentPhaseIndex)
                    : [new ActionSet([actions.Execute(t["Knowledge_ShowSuggestions"], CardVerbs.ViewShow, new JsonObject { [CardDataKeys.View] = KnowledgeViews.Suggestions })])]);
            }
        }

        // This phase's entries (the newest); earlier phases' entries are in the Verlauf, everything in the views.
        var live = limits with { Items = Math.Min(limits.Items, MaxLiveEntries) };
        var entries = view.Contributions.Where(c => c.Kind != ContributionKind.FocusQuestion).ToList();
        // An external viewer has no Verlauf: their own entries of all phases are listed here.
        var current = entries.Where(c => view.IsExternalView || c.PhaseIndex is null || c.PhaseIndex == view.CurrentPhaseIndex).ToList();
        var earlier = entries.Where(c => c.PhaseIndex is { } i && i != view.CurrentPhaseIndex).ToList();
        if (current.Count > 0)
        {
            body.Add(CardParts.SectionTitle(t[view.IsExternalView ? "Live_YourEntries" : "Live_ThisPhase"]));
            body.AddRange(ContributionParts.Grouped(t, current, live));
        }

        if (view.Agreements.Count > 0)
        {
            body.Add(CardParts.SectionTitle(t["Agreements_Title"]));
            body.AddRange(view.Agreements.Take(live.Items).Select(a => AgreementParts.Line(t, context, a, live.TextChars)));
            if (view.Agreements.Count > live.Items)
            {
                body.Add(CardParts.Hint(t.Format("Common_MoreEntries", view.Agreements.Count - live.Items)));
            }
        }

        if (view.IsExternalView)
        {
            // What concerns the guest: no other views, no timeline of the team's work, only a way to refresh.
            body.Add(CardParts.Hint(t["Live_ExternalViewHint"]));
            body.Add(new ActionSet([actions.Execute(t["View_Refresh"], CardVerbs.ViewShow, new JsonObject { [CardDataKeys.View] = CardViews.Live })]) { Spacing = Spacing.Small });
        }
        else
        {
            body.Add(ViewLinks(view, t, actions));
            body.Add(History(view, t, earlier, limits with { Items = Math.Min(limits.Items, MaxHistoryEntries) }));
        }

        body.Add(CardParts.PrivacyNote(t));

        return new AdaptiveCard
        {
            Body = body,
            FallbackText = t.Format("Live_FallbackText", t.Name(view.Method), view.CasePseudonym, t.Title(phase)),
            Refresh = actions.Refresh(CardViews.Live, view.RefreshUserIds),
        };
    }

    private static Container PhaseBlock(LiveSessionView view, PhaseView phase, CardContext context)
    {
        var t = context.Texts;
        string clock;
        var color = TextColor.Default;
        var style = ContainerStyle.Accent;
        if (view.IsPaused)
        {
            var rest = (int)Math.Ceiling((view.RemainingWhenPaused ?? TimeSpan.Zero).TotalMinutes);
            clock = t.Format("Live_Paused", Math.Max(0, rest));
            color = TextColor.Warning;
            style = ContainerStyle.Warning;
        }
        else if (view.PhaseEndsAt is { } endsAt)
        {
            var time = context.FormatTime(endsAt);
            if (view.PhaseOverdue)
            {
                clock = t.Format("Live_OverdueSince", time);
                color = TextColor.Attention;
                style = ContainerStyle.Attention;
            }
            else
            {
                clock = t.Format("Live_EndsAt", time) + (view.PhaseEndingSoon ? " · " + t["Live_EndingSoon"] : string.Empty);
                if (view.PhaseEndingSoon)
                {
                    color = TextColor.Warning;
                    style = ContainerStyle.Warning;
                }
            }
        }
        else
        {
            clock = string.Empty;
        }

        var heading = t.Format("Live_PhaseOf", view.CurrentPhaseIndex + 1, view.Phases.Count);
        var items = new List<CardElement>
        {
            new ColumnSet([
                new Column([new TextBlock(heading) { IsSubtle = true }]) { Width = ColumnWidth.Auto },
                new Column([new TextBlock(clock) { Weight = TextWeight.Bolder, Color = color, HorizontalAlignment = HorizontalAlignment.Right }]) { Width = ColumnWidth.Stretch },
            ]) { Spacing = Spacing.None },
            CardParts.Plain(view.PlainLanguage ? t["PhasePlain_" + phase.Kind] : t.Title(phase), TextSize.Large, TextWeight.Bolder) with { Spacing = Spacing.None },
            new TextBlock(view.PlainLanguage ? t["Live_PlainGuidance"] : t.Guidance(phase.Kind)) { Spacing = Spacing.Small, Size = TextSize.Small },
        };
        if (view.Contributions.FirstOrDefault(c => c.Kind == ContributionKind.FocusQuestion) is { } focus)
        {
            items.Add(new RichTextBlock([
                new TextRun(t["Group_FocusQuestion"] + ": ") { Weight = TextWeight.Bolder },
                new TextRun(CardParts.Clip(focus.Text, 300)),
            ]) { Spacing = Spacing.Small });
        }

        return new Container(items) { Style = style, Spacing = Spacing.Small };
    }

    /// <summary>One compact line of who holds which role (and who confirms the protocol), so the card stays short.</summary>
    private static CardElement RoleLine(LiveSessionView view, CardTexts t)
    {
        var parts = new List<string>();
        if (!view.Viewer.IsShared)
        {
            // The shared card has no viewer, so "your role" would wrongly tell everyone they only watch.
            var own = view.Viewer.Roles.Count == 0 ? t["Live_NoRole"] : string.Join(", ", view.Viewer.Roles.Select(t.Name));
            parts.Add(t["Live_YourRole"] + ": " + own);
        }

        if (view.IsExternalView)
        {
            return new TextBlock(string.Join(" · ", parts)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Small };
        }

        parts.AddRange(view.RoleHolders
            .GroupBy(r => r.Role)
            .OrderBy(g => g.Key)
            .Select(g => t.Name(g.Key) + ": " + CardParts.Clip(string.Join(", ", g.Select(r => r.DisplayName)), 120)));
        if (view.ProtocolConfirmers.Count > 0)
        {
            parts.Add(t["Live_ConfirmsProtocol"] + ": " + CardParts.Clip(string.Join(", ", view.ProtocolConfirmers), 120));
        }

        return new TextBlock(string.Join(" · ", parts)) { IsSubtle = true, Size = TextSize.Small, Spacing = Spacing.Small };
    }

    /// <summary>The collapsed "Verlauf": the timeline (planned vs. actual) and the entries of the earlier phases.</summary>
    private static Container History(LiveSessionView view, CardTexts t, IReadOnlyList<ContributionView> earlier, DisplayLimits limits)
    {
        var items = new List<CardElement> { CardParts.SectionTitle(t["Live_Timeline"]) };
        items.AddRange(Timeline(view, t));
        if (earlier.Count > 0)
        {
            items.Add(CardParts.SectionTitle(t["Live_EarlierPhases"]));
            items.AddRange(ContributionParts.Grouped(t, earlier, limits));
        }

        return new Container(items) { Id = HistoryId, IsVisible = false, Spacing = Spacing.Small };
    }

    private static IEnumerable<CardElement> Timeline(LiveSessionView view, CardTexts t) =>
        view.Phases.Select((p, i) => (CardElement)new ColumnSet([
            new Column([new TextBlock(Marker(p.Status)) { Color = p.Status == PhaseStatus.Running ? TextColor.Accent : TextColor.Default }]) { Width = ColumnWidth.Pixels(20) },
            new Column([CardParts.Plain(
                $"{i + 1}. {CardParts.Clip(t.Title(p), 80)}",
                weight: p.Status == PhaseStatus.Running ? TextWeight.Bolder : TextWeight.Default,
                subtle: p.Status is PhaseStatus.Done or PhaseStatus.Skipped)]) { Width = ColumnWidth.Stretch },
            new Column([new TextBlock(PlannedVersusActual(t, p)) { IsSubtle = true, HorizontalAlignment = HorizontalAlignment.Right }]) { Width = ColumnWidth.Auto },
        ]) { Spacing = Spacing.None });

    internal static string Marker(PhaseStatus status) => status switch
    {
        PhaseStatus.Done => "✓",
        PhaseStatus.Running => "▶",
        PhaseStatus.Skipped => "–",
        _ => "○",
    };

    internal static string PlannedVersusActual(CardTexts t, PhaseView p) =>
        p.ActualMinutes is { } actual
            ? t.Format("Live_PlannedActual", p.PlannedMinutes, actual)
            : t.Format("Live_Planned", p.PlannedMinutes);

    private static ActionSet ViewLinks(LiveSessionView view, CardTexts t, CardActions actions)
    {
        var links = new List<CardAction>();
        void Link(string key, string viewName) =>
            links.Add(actions.Execute(t[key], CardVerbs.ViewShow, new JsonObject { [CardDataKeys.View] = viewName }));

        var kinds = view.Contributions.Select(c => c.Kind).ToHashSet();
        if (kinds.Contains(ContributionKind.Resource) || view.Viewer.MayAdd == ContributionKind.Resource)
        {
            Link("View_ResourceMap", CardViews.ResourceMap);
        }

        if (kinds.Contains(ContributionKind.Ampeltorte) || view.Viewer.MayAdd == ContributionKind.Ampeltorte)
        {
            Link("View_Ampeltorte", CardViews.Ampeltorte);
        }

        if (kinds.Contains(ContributionKind.Idea))
        {
            Link("View_Ideas", CardViews.Ideas);
        }

        if (view.Phases[view.CurrentPhaseIndex].Kind == PhaseKind.Vereinbarung || view.Agreements.Count > 0)
        {
            Link("View_Agreements", CardViews.Agreements);
        }

        links.Add(new ToggleVisibilityAction(t["Live_ToggleHistory"], [HistoryId]));
        Link("View_Refresh", CardViews.Live);
        return new ActionSet(links) { Spacing = Spacing.Small };
    }

    /// <summary>
    /// The moderator's controls, at the top. "Beenden" asks once: it opens an inline confirmation with the real finish
    /// button and a way back, so a click next to "Weiter" never ends the session by mistake.
    /// </summary>
    private static IEnumerable<CardElement> ModeratorControls(LiveSessionView view, CardTexts t, CardActions actions)
    {
        var isLast = view.CurrentPhaseIndex == view.Phases.Count - 1;
        var controls = new List<CardAction>();
        if (!isLast)
        {
            controls.Add(actions.Execute(t["Control_Next"], CardVerbs.SessionNext, style: ActionStyle.Positive));
        }

        if (view.CurrentPhaseIndex > 0)
        {
            controls.Add(actions.Execute(t["Control_Back"], CardVerbs.SessionBack));
        }

        controls.Add(actions.Execute(
            t.Format("Control_Extend", ExtendMinutes),
            CardVerbs.SessionExtend,
            new JsonObject { [CardDataKeys.Minutes] = ExtendMinutes }));
        controls.Add(view.IsPaused
            ? actions.Execute(t["Control_Resume"], CardVerbs.SessionResume, style: ActionStyle.Positive)
            : actions.Execute(t["Control_Pause"], CardVerbs.SessionPause));
        controls.Add(new ToggleVisibilityAction(t["Control_Finish"], [FinishConfirmId]) { Style = isLast ? ActionStyle.Positive : ActionStyle.Default });

        yield return new ActionSet(controls) { Spacing = Spacing.Small };
        yield return new Container([
            new TextBlock(t[isLast ? "Control_FinishConfirmLast" : "Control_FinishConfirm"]) { Weight = TextWeight.Bolder },
            new ActionSet([
                actions.Execute(t["Control_FinishYes"], CardVerbs.SessionFinish, style: ActionStyle.Destructive),
                new ToggleVisibilityAction(t["Control_FinishNo"], [FinishConfirmId]),
            ]) { Spacing = Spacing.Small },
        ])
        {
            Id = FinishConfirmId,
            IsVisible = false,
            Style = ContainerStyle.Warning,
            Spacing = Spacing.Small,
        };
    }

    /// <summary>
    /// "Rolle übergeben" (collapsed: to whom, which role) for those who can give a role, and "Verlassen" for everyone
    /// but the moderator, who hands the moderation over first.
    /// </summary>
    private static IEnumerable<CardElement> ParticipationControls(LiveSessionView view, CardTexts t, CardActions actions)
    {
        var buttons = new List<CardAction>();
        if (view.HandOverTargets.Count > 0 && view.HandOverRoles.Count > 0)
        {
            buttons.Add(new ToggleVisibilityAction(t["Live_HandOver"], [HandOverId]));
        }

        if (view.MayLeave)
        {
            buttons.Add(actions.Execute(t["Live_Leave"], CardVerbs.SessionLeave));
        }

        if (buttons.Count == 0)
        {
            yield break;
        }

        yield return new ActionSet(buttons) { Spacing = Spacing.Small };
        if (view.HandOverTargets.Count > 0 && view.HandOverRoles.Count > 0)
        {
            yield return new Container([
                new ChoiceSetInput(CardDataKeys.HandOverTo, t["Live_HandOverTo"], view.HandOverTargets.Select(m => new Choice(CardParts.Clip(m.DisplayName, 60), m.UserId)).ToArray())
                {
                    IsRequired = true,
                    ErrorMessage = t["Live_HandOverToMissing"],
                },
                new ChoiceSetInput(CardDataKeys.HandOverRole, t["Live_HandOverRole"], view.HandOverRoles.Select(r => new Choice(t.Name(r), r.ToString())).ToArray())
                {
                    IsRequired = true,
                    Value = view.HandOverRoles[0].ToString(),
                    ErrorMessage = t["Live_HandOverRoleMissing"],
                },
                new ActionSet([actions.Execute(t["Live_HandOverConfirm"], CardVerbs.RoleHandOver, withInputs: true, style: ActionStyle.Positive)]) { Spacing = Spacing.Small },
            ])
            {
                Id = HandOverId,
                IsVisible = false,
                Spacing = Spacing.Small,
            };
        }
    }
}

using System.Text.Json.Nodes;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>
/// The running session for one viewer: current phase with guidance and clock, timeline, contributions so far,
/// the input the viewer's role may use, and - for the moderator only - the controls.
/// </summary>
public static class LiveSessionCard
{
    /// <summary>Minutes the "+2 Min." button adds.</summary>
    public const int ExtendMinutes = 2;

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

    /// <summary>Entries per list (contributions, agreements) the live card shows at most; the newest contributions.</summary>
    public const int MaxLiveEntries = 20;

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
        body.Add(RoleLine(view, t));
        body.Add(CardParts.SectionTitle(t["Live_Timeline"]));
        body.AddRange(Timeline(view, t));

        // The live card shows the newest entries only, so it stays small however long the session runs (every click
        // answers with it); the views (Ressourcenkarte, Ideen, Vereinbarungen, ...) list everything.
        var live = limits with { Items = Math.Min(limits.Items, MaxLiveEntries) };
        if (view.Contributions.Count > 0)
        {
            body.Add(CardParts.SectionTitle(t["Live_Contributions"]));
            body.AddRange(ContributionParts.Grouped(t, view.Contributions, live));
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

        if (view.Viewer.MayAdd is { } kind && !view.IsPaused)
        {
            body.Add(ContributionParts.Input(t, kind, actions));
        }

        body.Add(ViewLinks(view, t, actions));
        if (view.Viewer.IsModerator)
        {
            body.Add(ModeratorControls(view, t, actions));
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
        var items = new List<CardElement>
        {
            new TextBlock(t.Format("Live_PhaseOf", view.CurrentPhaseIndex + 1, view.Phases.Count)) { IsSubtle = true, Spacing = Spacing.None },
            CardParts.Plain(t.Title(phase), TextSize.Large, TextWeight.Bolder) with { Spacing = Spacing.None },
            new TextBlock(t.Guidance(phase.Kind)) { Spacing = Spacing.Small },
        };

        var style = ContainerStyle.Accent;
        if (view.IsPaused)
        {
            var rest = (int)Math.Ceiling((view.RemainingWhenPaused ?? TimeSpan.Zero).TotalMinutes);
            items.Add(new TextBlock(t.Format("Live_Paused", Math.Max(0, rest))) { Weight = TextWeight.Bolder, Color = TextColor.Warning });
            style = ContainerStyle.Warning;
        }
        else if (view.PhaseEndsAt is { } endsAt)
        {
            var remaining = (int)Math.Ceiling((endsAt - context.Now).TotalMinutes);
            var clock = remaining >= 0
                ? t.Format("Live_Remaining", remaining)
                : t.Format("Live_Overdue", -remaining);
            if (remaining < 0)
            {
                style = ContainerStyle.Attention;
            }
            else if (remaining <= 2)
            {
                style = ContainerStyle.Warning;
            }

            items.Add(new ColumnSet([
                new Column([new TextBlock(t.Format("Live_EndsAt", context.FormatTime(endsAt))) { Weight = TextWeight.Bolder }]) { Width = ColumnWidth.Auto },
                new Column([new TextBlock(clock) { Weight = TextWeight.Bolder, Color = remaining < 0 ? TextColor.Attention : TextColor.Default }]) { Width = ColumnWidth.Stretch },
            ]) { Spacing = Spacing.Small });
        }

        return new Container(items) { Style = style, Spacing = Spacing.Medium };
    }

    private static CardElement RoleLine(LiveSessionView view, CardTexts t)
    {
        var own = view.Viewer.Roles.Count == 0
            ? t["Live_NoRole"]
            : string.Join(", ", view.Viewer.Roles.Select(t.Name));
        // The shared card has no viewer, so "your role" would wrongly tell everyone they only watch.
        var facts = view.Viewer.IsShared ? new List<Fact>() : new List<Fact> { new(t["Live_YourRole"], own) };
        facts.AddRange(view.RoleHolders
            .GroupBy(r => r.Role)
            .OrderBy(g => g.Key)
            .Select(g => new Fact(t.Name(g.Key), CardParts.Clip(string.Join(", ", g.Select(r => r.DisplayName)), 200))));
        if (facts.Count == 0)
        {
            facts.Add(new(t["Live_YourRole"], own));
        }

        return new FactSet(facts) { Spacing = Spacing.Medium };
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

        Link("View_Refresh", CardViews.Live);
        return new ActionSet(links) { Spacing = Spacing.Medium };
    }

    private static Container ModeratorControls(LiveSessionView view, CardTexts t, CardActions actions)
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
        controls.Add(actions.Execute(t["Control_Finish"], CardVerbs.SessionFinish, style: isLast ? ActionStyle.Positive : ActionStyle.Destructive));

        return new Container([
            new TextBlock(t["Control_Title"]) { Weight = TextWeight.Bolder, IsSubtle = true },
            new ActionSet(controls) { Spacing = Spacing.Small },
        ])
        {
            Spacing = Spacing.Medium,
            Separator = true,
        };
    }
}

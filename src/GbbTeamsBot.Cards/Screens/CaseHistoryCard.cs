using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>
/// "fall &lt;Pseudonym&gt;": the case over time. Each session with its date, method, Ampeltorte and the way to its
/// protocol and record; the current Ressourcenkarte with what is new; all agreements with status and goal level.
/// </summary>
public static class CaseHistoryCard
{
    public static AdaptiveCard Build(CaseHistoryView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        return CardParts.Fit(limits => Build(view, context, limits));
    }

    private static AdaptiveCard Build(CaseHistoryView view, CardContext context, DisplayLimits limits)
    {
        var t = context.Texts;
        var body = new List<CardElement>
        {
            CardParts.Header(t["CaseHistory_Title"], t.Format("Common_CaseLine", view.CasePseudonym)),
        };
        if (view.Sessions.Count == 0)
        {
            body.Add(new TextBlock(t["CaseHistory_None"]) { Wrap = true });
            return new AdaptiveCard { Body = body, FallbackText = t["CaseHistory_Title"] };
        }

        body.Add(CardParts.SectionTitle(t["CaseHistory_Sessions"]));
        foreach (var session in view.Sessions.TakeLast(limits.Items))
        {
            var protocol = session.ProtocolVersion > 0
                ? t.Format("CaseHistory_ProtocolVersion", session.ProtocolVersion)
                : t[session.IsCompleted ? "CaseHistory_ProtocolOpen" : "CaseHistory_Running"];
            body.Add(CardParts.Plain($"{context.FormatDate(DateOnly.FromDateTime(context.ToLocal(session.Date).DateTime))} · {t.Name(session.Method)} · {protocol}", weight: TextWeight.Bolder));
            var lights = session.Ampeltorte
                .OrderBy(c => c.Domain)
                .Select(c => $"{t.Name(c.Domain ?? LifeDomain.FinanzenWohnen)}: {t.Name(c.Light ?? TrafficLight.Green)}")
                .Distinct()
                .ToList();
            body.Add(CardParts.Hint(lights.Count == 0
                ? t["CaseHistory_NoAmpeltorte"]
                : t["Ampeltorte_Title"] + ": " + CardParts.Clip(string.Join("; ", lights), limits.TextChars * 2)));
            var actions = new CardActions(context, session.Session);
            body.Add(new ActionSet(
            [
                actions.Execute(t["CaseHistory_ShowProtocol"], CardVerbs.ProtocolShow),
                actions.Execute(t["Protocol_RecordText"], CardVerbs.ProtocolRecordText),
            ]) { Spacing = Spacing.None });
        }

        body.Add(CardParts.SectionTitle(t["CaseHistory_Resources"]));
        if (view.CurrentResources.Count == 0)
        {
            body.Add(new TextBlock(t["CaseHistory_NoResources"]) { IsSubtle = true });
        }

        foreach (var area in view.CurrentResources.GroupBy(r => r.Area ?? ResourceArea.Persoenlich).OrderBy(g => g.Key))
        {
            body.Add(CardParts.Plain(t.Name(area.Key) + ": " + CardParts.Clip(string.Join("; ", area.Take(limits.Items).Select(r =>
                view.NewResourceIds.Contains(r.ContributionId) ? r.Text.Trim() + " (" + t["CaseHistory_New"] + ")" : r.Text.Trim())), limits.TextChars * 3)));
        }

        body.Add(CardParts.SectionTitle(t["Agreements_Title"]));
        if (view.Agreements.Count == 0)
        {
            body.Add(new TextBlock(t["Agreements_None"]) { IsSubtle = true });
        }

        foreach (var a in view.Agreements.OrderBy(a => a.Progress is AgreementProgress.Done or AgreementProgress.Dropped ? 1 : 0).Take(limits.Items))
        {
            var line = AgreementParts.Line(t, context, a with { IsDone = a.Progress == AgreementProgress.Done }, limits.TextChars);
            var extra = " · " + t[$"Progress_{a.Progress}"] + (a.Goal is { } goal ? " · " + t[$"Goal_{goal}"] : string.Empty);
            body.Add(line with { Inlines = [.. line.Inlines, new TextRun(extra) { Color = a.Progress == AgreementProgress.Done ? TextColor.Good : TextColor.Default }] });
        }

        body.Add(CardParts.PrivacyNote(t));
        return new AdaptiveCard { Body = body, FallbackText = t["CaseHistory_Title"] + " " + view.CasePseudonym };
    }
}

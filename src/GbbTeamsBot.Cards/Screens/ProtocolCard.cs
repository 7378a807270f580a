using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Screens;

/// <summary>The protocol of a session with a confirm button and the way to the copy-ready record text.</summary>
public static class ProtocolCard
{
    public static AdaptiveCard Build(ProtocolView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        return CardParts.Fit(limits => Build(view, context, limits));
    }

    private static AdaptiveCard Build(ProtocolView view, CardContext context, DisplayLimits limits)
    {
        var t = context.Texts;
        var actions = new CardActions(context, view.Session);
        var when = context.FormatDateTime(view.StartedAt) + (view.EndedAt is { } end ? "–" + context.FormatTime(end) : string.Empty);
        var facts = new List<Fact>
        {
            new(t["Record_Date"], when),
            new(t["Protocol_Duration"], t.Format(
                "Live_PlannedActual",
                view.Phases.Sum(p => p.PlannedMinutes),
                view.Phases.Sum(p => p.ActualMinutes ?? 0))),
        };
        facts.Add(new Fact(t["Protocol_Version"], view.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        facts.AddRange(view.RoleHolders.GroupBy(r => r.Role).OrderBy(g => g.Key)
            .Select(g => new Fact(t.Name(g.Key), CardParts.Clip(string.Join(", ", g.Select(r => r.DisplayName)), 200))));

        var body = new List<CardElement>
        {
            CardParts.Header(t.Format("Protocol_Title", t.Name(view.Method)), t.Format("Common_CaseLine", view.CasePseudonym)),
            new FactSet(facts) { Spacing = Spacing.Medium },
        };

        if (view.EarlierAgreements.Count > 0)
        {
            body.Add(CardParts.SectionTitle(t["Record_EarlierAgreements"]));
            body.AddRange(view.EarlierAgreements.Take(limits.Items).Select(a => AgreementParts.Line(t, context, a, limits.TextChars)));
        }

        body.Add(CardParts.SectionTitle(t["Live_Timeline"]));
        body.AddRange(view.Phases.Select((p, i) => (CardElement)new ColumnSet([
            new Column([CardParts.Plain($"{LiveSessionCard.Marker(p.Status)} {i + 1}. {CardParts.Clip(t.Title(p), 80)}")]) { Width = ColumnWidth.Stretch },
            new Column([new TextBlock(LiveSessionCard.PlannedVersusActual(t, p)) { IsSubtle = true }]) { Width = ColumnWidth.Auto },
        ]) { Spacing = Spacing.None }));

        if (view.Contributions.Count > 0)
        {
            body.Add(CardParts.SectionTitle(t["Live_Contributions"]));
            body.AddRange(ContributionParts.Grouped(t, view.Contributions, limits));
        }

        body.Add(CardParts.SectionTitle(t["Agreements_Title"]));
        body.AddRange(view.Agreements.Count == 0
            ? [new TextBlock(t["Agreements_None"]) { IsSubtle = true }]
            : view.Agreements.Take(limits.Items).Select(a => (CardElement)AgreementParts.Line(t, context, a, limits.TextChars)));

        body.AddRange(ProtocolTextsPart.Build(view, context, actions));
        body.Add(CardParts.Plain(
            view.ConfirmedBy.Count == 0
                ? t["Protocol_NotConfirmed"]
                : t.Format("Protocol_ConfirmedBy", CardParts.Clip(string.Join(", ", view.ConfirmedBy), 300)),
            color: view.ConfirmedBy.Count == 0 ? TextColor.Warning : TextColor.Good) with
        {
            Spacing = Spacing.Medium,
            Separator = true,
        });
        body.Add(CardParts.Hint(t["Protocol_FactsCheck"]));
        if (view.KnowledgeProposal is { } proposal)
        {
            body.AddRange(KnowledgeCards.Proposal(t, actions, proposal));
        }

        var cardActions = new List<CardAction>();
        if (view.ViewerMayConfirm && !view.ViewerHasConfirmed)
        {
            cardActions.Add(actions.Execute(t["Protocol_Confirm"], CardVerbs.ProtocolConfirm, style: ActionStyle.Positive));
        }

        cardActions.Add(actions.Execute(t["Protocol_RecordText"], CardVerbs.ProtocolRecordText));
        if (ProtocolTextsPart.Correction(view, context, actions) is { } correct)
        {
            cardActions.Add(correct);
        }

        if (context.OfferNextMeeting && view.EndedAt is not null)
        {
            cardActions.Add(actions.Execute(t["NextMeeting_Plan"], CardVerbs.MeetingPlan));
        }

        if (view.OffersKnowledgeProposal && view.KnowledgeProposal is null)
        {
            cardActions.Add(actions.Execute(t["Knowledge_ShowProposal"], CardVerbs.ViewShow, new System.Text.Json.Nodes.JsonObject { [CardDataKeys.View] = KnowledgeViews.Proposal }));
        }

        return new AdaptiveCard
        {
            Body = body,
            Actions = cardActions,
            FallbackText = t.Format("Protocol_Title", t.Name(view.Method)),
        };
    }
}

/// <summary>
/// The copy-ready record text: readable line by line, and once more in a text field to select and copy into the
/// official case file. Very long records keep only the text field, so the card stays within the size limit.
/// </summary>
public static class RecordTextCard
{
    public static AdaptiveCard Build(ProtocolView view, CardContext context)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(context);
        var text = view.RecordText ?? RecordText.Compose(view, context);
        var withReadableLines = Build(view, context, text, readable: true);
        return System.Text.Encoding.UTF8.GetByteCount(withReadableLines.ToJsonString()) < CardLimits.MaxCardBytes - 1024
            ? withReadableLines
            : Build(view, context, CardParts.Clip(text, CardLimits.MaxCardBytes / 3), readable: false);
    }

    private static AdaptiveCard Build(ProtocolView view, CardContext context, string text, bool readable)
    {
        var t = context.Texts;
        var actions = new CardActions(context, view.Session);
        var body = new List<CardElement>
        {
            CardParts.Header(t["Record_Title"], t.Format("Common_CaseLine", view.CasePseudonym)),
            new TextBlock(t["Record_Intro"]) { Spacing = Spacing.Small },
        };
        if (readable)
        {
            // Blank lines separate sections; they become spacing rather than empty text.
            var lines = new List<CardElement>();
            var gap = false;
            foreach (var line in text.Split('\n').Select(l => l.TrimEnd('\r')))
            {
                if (line.Length == 0)
                {
                    gap = true;
                    continue;
                }

                lines.Add(CardParts.Plain(line, weight: line.EndsWith(':') ? TextWeight.Bolder : TextWeight.Default) with
                {
                    Spacing = gap ? Spacing.Medium : Spacing.None,
                });
                gap = false;
            }

            body.Add(new Container(lines) { Style = ContainerStyle.Emphasis, Spacing = Spacing.Medium });
        }

        body.Add(new TextInput("recordText", t["Record_Label"]) { Value = text, IsMultiline = true, Spacing = Spacing.Medium });
        body.Add(CardParts.Hint(t["Record_Hint"]));
        return new AdaptiveCard
        {
            Body = body,
            Actions = [actions.Execute(t["Record_BackToProtocol"], CardVerbs.ProtocolShow)],
            FallbackText = t["Record_Title"],
        };
    }
}

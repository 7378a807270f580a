using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Tests.Samples;

/// <summary>The Sozialraumwissen's screens for the validation harness and the screenshots.</summary>
internal static class KnowledgeSamples
{
    public static IEnumerable<(string Builder, string Variant, AdaptiveCard Card)> Variants(CardContext c)
    {
        var need = new KnowledgeEntryView("k1", 3, KnowledgeKind.Bedarfslage, "fehlende Kinderbetreuung am Nachmittag")
        {
            Area = "Lindenhof",
            MentionCount = 2,
            FirstMentioned = SampleViews.Now.AddDays(-8),
            LastMentioned = SampleViews.Now.AddDays(-1),
        };
        var cafe = new KnowledgeEntryView("k2", 1, KnowledgeKind.Ressource, "Nachbarschaftscafé Lindenhof")
        {
            Description = "Offener Treff mit Kinderecke, dienstags und donnerstags",
            Place = "Lindenhof 4",
            Tags = ["Kontakte", "Familie"],
            MentionCount = 5,
            LastMentioned = SampleViews.Now.AddDays(-1),
            Duplicates = [new KnowledgeRefView("k3", "Café im Lindenhof")],
        };
        var old = new KnowledgeEntryView("k4", 0, KnowledgeKind.Schluesselperson, "Hausmeister Wohnanlage Lindenhof")
        {
            MentionCount = 1,
            LastMentioned = SampleViews.Now.AddMonths(-14),
            IsOutdated = true,
            IsLongNotMentioned = true,
        };
        yield return ("KnowledgeCards.List", "grouped", KnowledgeCards.List(new KnowledgeListView("Lindenhof", [need, cafe, old], 40) { Notice = new KnowledgeNotice("Gespeichert.", false) }, c));
        yield return ("KnowledgeCards.List", "empty", KnowledgeCards.List(new KnowledgeListView(string.Empty, [], 0), c));
        yield return ("KnowledgeCards.List", "no-match", KnowledgeCards.List(new KnowledgeListView("Schwimmbad", [], 12), c));
        yield return ("KnowledgeCards.Needs", "ranked", KnowledgeCards.Needs(new NeedsView([new NeedRankView(need, 2, 2, 2, NeedTrendKind.Steigend), new NeedRankView(need with { Title = "Busverbindung abends fehlt" }, 0, 1, 3, NeedTrendKind.Fallend)]), c));
        yield return ("KnowledgeCards.Needs", "none", KnowledgeCards.Needs(new NeedsView([]), c));
        yield return ("KnowledgeCards.Edit", "privacy-warning", KnowledgeCards.Edit(new KnowledgeEditView(cafe, "café") { Notice = new KnowledgeNotice("Bitte prüfen: Adresse.", true), OfferKeepDespiteWarnings = true }, c));
        var adviser = SampleViews.Live(SampleViews.Adviser(ContributionKind.Resource));
        yield return ("LiveSessionCard.Build", "adviser-knowledge-offer", LiveSessionCard.Build(adviser with { OffersKnowledge = true }, c));
        yield return ("LiveSessionCard.Build", "adviser-knowledge-suggestions", LiveSessionCard.Build(adviser with
        {
            OffersKnowledge = true,
            KnowledgeSuggestions = [new KnowledgeSuggestionView("k2", KnowledgeKind.Ressource, "Nachbarschaftscafé Lindenhof") { Place = "Lindenhof 4", MentionCount = 5 }],
        }, c));
        var resources = SampleViews.Contributions.Where(x => x.Kind == ContributionKind.Resource).ToArray();
        yield return ("ResourceMapCard.Build", "knowledge-offer", ResourceMapCard.Build(new ResourceMapView(SampleViews.Session, "A-17", resources) { OffersToKnowledge = true, Notice = new KnowledgeNotice("Ins Sozialraumwissen übernommen.", false) }, c));
        yield return ("ProtocolCard.Build", "knowledge-proposal", ProtocolCard.Build(SampleViews.Protocol with
        {
            OffersKnowledgeProposal = true,
            ViewerMayConfirm = true,
            KnowledgeProposal =
            [
                new KnowledgeProposalView("a1", KnowledgeKind.Ressource, "Nachbarschaftscafé Lindenhof") { MatchesTitle = "Nachbarschaftscafé Lindenhof" },
                new KnowledgeProposalView("a2", KnowledgeKind.Bedarfslage, "fehlende Kinderbetreuung am Nachmittag"),
                new KnowledgeProposalView("a3", KnowledgeKind.Idee, "Gemeinschaftsgarten") { IsSkipped = true },
            ],
        }, c));
        yield return ("ProtocolCard.Build", "knowledge-proposal-button", ProtocolCard.Build(SampleViews.Protocol with { OffersKnowledgeProposal = true, ViewerMayConfirm = true }, c));
        yield return ("LiveSessionCard.Build", "adviser-knowledge-none", LiveSessionCard.Build(adviser with { OffersKnowledge = true, KnowledgeSuggestions = [] }, c));
    }
}

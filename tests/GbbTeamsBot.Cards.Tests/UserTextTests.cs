using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.Tests.Samples;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Tests;

/// <summary>
/// User text must never be read as markdown: it may only appear in text runs, input values, choice titles and
/// the fallback text - never in a TextBlock or a fact, where Teams renders links and formatting.
/// </summary>
public sealed class UserTextTests
{
    private const string Marker = "[klick](https://evil.example) **fett**";

    public static TheoryData<string> Cards() => new(HostileCards().Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Cards))]
    public void User_text_is_never_rendered_as_markdown(string name)
    {
        var card = HostileCards().Single(c => c.Name == name).Card;
        var json = card.ToJson();

        Assert.Contains(Marker, json.ToJsonString(), StringComparison.Ordinal);
        foreach (var element in CardJson.Elements(json))
        {
            var type = (string?)element["type"];
            if (type == "TextBlock")
            {
                Assert.DoesNotContain(Marker, (string?)element["text"], StringComparison.Ordinal);
            }

            if (type == "FactSet")
            {
                Assert.DoesNotContain(Marker, element["facts"]!.ToJsonString(), StringComparison.Ordinal);
            }
        }
    }

    private static IEnumerable<(string Name, AdaptiveCard Card)> HostileCards()
    {
        var c = new CardContext { Now = SampleViews.Now };
        var contributions = SampleViews.Contributions.Concat(SampleViews.HelperSystems).Concat(SampleViews.RoundEntries)
            .Select(x => x with
            {
                Text = Marker,
                Agency = x.Agency is null ? null : Marker,
                Mandate = x.Mandate is null ? null : Marker,
                CurrentActivities = x.CurrentActivities is null ? null : Marker,
                Place = x.Place is null ? null : Marker,
                AuthorName = Marker,
            })
            .ToArray();
        var agreements = SampleViews.Agreements.Select(a => a with { What = Marker, Who = Marker }).ToArray();
        var phases = SampleViews.KbPhases(1).Select(p => p with { CustomTitle = Marker }).ToArray();

        yield return ("live", LiveSessionCard.Build(
            new LiveSessionView(SampleViews.Session, MethodKind.Teamsitzung, Marker, phases, 1, SampleViews.Moderator)
            {
                Contributions = contributions,
                Agreements = agreements,
                PhaseEndsAt = SampleViews.Now,
            }, c));
        yield return ("resources", ResourceMapCard.Build(new ResourceMapView(SampleViews.Session, Marker, contributions.Where(x => x.Kind == ContributionKind.Resource).ToArray()), c));
        yield return ("ampeltorte", AmpeltorteCard.Build(new AmpeltorteView(SampleViews.Session, Marker, contributions.Where(x => x.Kind == ContributionKind.Ampeltorte).ToArray()), c));
        yield return ("ideas", IdeasCard.Build(new IdeasView(SampleViews.Session, Marker, contributions.Where(x => x.Kind == ContributionKind.Idea).ToArray()) { ViewerIsCasePresenter = true }, c));
        yield return ("agreements", AgreementsEditorCard.Build(new AgreementsEditorView(SampleViews.Session, MethodKind.Helferkonferenz, Marker, agreements) { ViewerMayEdit = true }, c));
        var protocol = SampleViews.Protocol with { CasePseudonym = Marker, Contributions = contributions, Agreements = agreements, EarlierAgreements = agreements, Phases = phases, ConfirmedBy = [Marker] };
        yield return ("protocol", ProtocolCard.Build(protocol, c));
        yield return ("record", RecordTextCard.Build(protocol, c));
        yield return ("consent", HelperConferenceCards.BuildConsent(new ConsentView(SampleViews.Session, Marker) { ConsentConfirmed = true, ConfirmedByName = Marker }, c));
        yield return ("helpers", HelperConferenceCards.BuildAgencyRound(new HelperRoundView(SampleViews.Session, Marker, contributions.Where(x => x.Kind == ContributionKind.HelperSystem).ToArray()), c));
        yield return ("round", SozialraumRundeCard.Build(new SozialraumRundeView(SampleViews.Session, Marker, contributions.Where(x => x.Kind == ContributionKind.RoundEntry).ToArray()), c));
        yield return ("agenda", AgendaCard.Build(SampleViews.Agenda with
        {
            MeetingTitle = Marker,
            Items = SampleViews.Agenda.Items.Select(i => i with { Title = Marker, CasePseudonym = Marker }).ToArray(),
        }, c));
        yield return ("open-agreements", OpenAgreementsCard.Build(new OpenAgreementsView(Marker, agreements.Select(a => new OpenAgreementView(SampleViews.Session, MethodKind.KollegialeBeratung, Marker, a)).ToArray()), c));
        yield return ("protocols", ProtocolListCard.Build(new ProtocolListView(Marker, [new ProtocolListItemView(SampleViews.Session, MethodKind.KollegialeBeratung, Marker, SampleViews.Now)]), c));
        yield return ("setup", SetupCard.Build(SampleViews.Setup with { CasePseudonym = Marker }, c));
        yield return ("case-deletion", CaseDeletionCard.Build(new CaseDeletionView(CaseDeletionStage.Preview, Marker, 1, 2, 3), c));
    }
}

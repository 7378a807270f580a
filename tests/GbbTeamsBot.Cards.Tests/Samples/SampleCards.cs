using GbbTeamsBot.Cards.Screens;
using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Tests.Samples;

/// <summary>One named card per screen variant and language: the set the validation harness checks.</summary>
internal static class SampleCards
{
    public sealed record Sample(string Builder, string Name, AdaptiveCard Card);

    public static IReadOnlyList<Sample> All { get; } = Build().ToArray();

    private static IEnumerable<Sample> Build()
    {
        foreach (var language in Enum.GetValues<UiLanguage>())
        {
            var context = new CardContext { Language = language, Now = SampleViews.Now };
            foreach (var (builder, variant, card) in Variants(context, language))
            {
                yield return new Sample(builder, $"{builder}/{variant}/{language}", card);
            }
        }
    }

    private static IEnumerable<(string Builder, string Variant, AdaptiveCard Card)> Variants(CardContext c, UiLanguage language)
    {
        yield return ("HelpCard.Build", "default", HelpCard.Build(language));
        yield return ("HelpCard.Build", "all-commands", HelpCard.Build(language, Enum.GetValues<BotCommand>()));
        yield return ("SetupCard.Build", "with-errors", SetupCard.Build(SampleViews.Setup, c));
        yield return ("SetupCard.Build", "empty", SetupCard.Build(new SetupView(SampleViews.Session, SampleViews.Members), c));
        yield return ("LiveSessionCard.Build", "moderator", LiveSessionCard.Build(SampleViews.Live(SampleViews.Moderator), c));
        yield return ("LiveSessionCard.Build", "moderator-paused-first", LiveSessionCard.Build(
            SampleViews.Live(SampleViews.Moderator, running: 0) with { IsPaused = true, RemainingWhenPaused = TimeSpan.FromMinutes(4) }, c));
        yield return ("LiveSessionCard.Build", "moderator-last-overdue", LiveSessionCard.Build(
            SampleViews.Live(SampleViews.Moderator, running: 4) with { PhaseEndsAt = SampleViews.Now.AddMinutes(-3) }, c));
        foreach (var kind in Enum.GetValues<ContributionKind>())
        {
            yield return ("LiveSessionCard.Build", $"adviser-{kind}", LiveSessionCard.Build(SampleViews.Live(SampleViews.Adviser(kind)), c));
        }

        yield return ("LiveSessionCard.Build", "watcher", LiveSessionCard.Build(SampleViews.Live(new ViewerView("29:x", [])), c));
        yield return ("ResourceMapCard.Build", "default", ResourceMapCard.Build(
            new ResourceMapView(SampleViews.Session, "A-17", SampleViews.Contributions.Where(x => x.Kind == ContributionKind.Resource).ToArray()), c));
        yield return ("AmpeltorteCard.Build", "default", AmpeltorteCard.Build(
            new AmpeltorteView(SampleViews.Session, "A-17", SampleViews.Contributions.Where(x => x.Kind == ContributionKind.Ampeltorte).ToArray()), c));
        var ideas = SampleViews.Contributions.Where(x => x.Kind == ContributionKind.Idea).ToArray();
        yield return ("IdeasCard.Build", "presenter", IdeasCard.Build(new IdeasView(SampleViews.Session, "A-17", ideas) { ViewerIsCasePresenter = true }, c));
        yield return ("IdeasCard.Build", "adviser", IdeasCard.Build(new IdeasView(SampleViews.Session, "A-17", ideas), c));
        yield return ("AgreementsEditorCard.Build", "editor", AgreementsEditorCard.Build(
            new AgreementsEditorView(SampleViews.Session, MethodKind.Helferkonferenz, "B-03", SampleViews.Agreements)
            {
                ViewerMayEdit = true,
                Notice = new MessageView(MessageCode.Saved),
            }, c));
        yield return ("AgreementsEditorCard.Build", "read-only-empty", AgreementsEditorCard.Build(
            new AgreementsEditorView(SampleViews.Session, MethodKind.KollegialeBeratung, "A-17", []), c));
        yield return ("ProtocolCard.Build", "default", ProtocolCard.Build(SampleViews.Protocol, c));
        yield return ("RecordTextCard.Build", "default", RecordTextCard.Build(SampleViews.Protocol, c));
        yield return ("HelperConferenceCards.BuildConsent", "moderator-open", HelperConferenceCards.BuildConsent(
            new ConsentView(SampleViews.Session, "B-03") { ViewerIsModerator = true }, c));
        yield return ("HelperConferenceCards.BuildConsent", "confirmed", HelperConferenceCards.BuildConsent(
            new ConsentView(SampleViews.Session, "B-03")
            {
                ConsentConfirmed = true,
                ReleaseConfirmed = true,
                ConfirmedByName = "Anna Berger",
                ConfirmedAt = SampleViews.Now,
            }, c));
        yield return ("HelperConferenceCards.BuildAgencyRound", "default", HelperConferenceCards.BuildAgencyRound(
            new HelperRoundView(SampleViews.Session, "B-03", SampleViews.HelperSystems) { ViewerMayAdd = true, RefreshUserIds = SampleViews.RefreshIds }, c));
        yield return ("SozialraumRundeCard.Build", "moderator", SozialraumRundeCard.Build(
            new SozialraumRundeView(SampleViews.Session, "Sozialraum Nord", SampleViews.RoundEntries)
            {
                EndsAt = SampleViews.Now.AddMinutes(10),
                ViewerIsModerator = true,
                RefreshUserIds = SampleViews.RefreshIds,
            }, c));
        yield return ("SozialraumRundeCard.Build", "empty", SozialraumRundeCard.Build(
            new SozialraumRundeView(SampleViews.Session, "Sozialraum Nord", []), c));
        yield return ("AgendaCard.Build", "moderator", AgendaCard.Build(SampleViews.Agenda, c));
        yield return ("AgendaCard.Build", "not-started", AgendaCard.Build(SampleViews.Agenda with { RunningIndex = null, ViewerIsModerator = false }, c));
        yield return ("OpenAgreementsCard.Build", "default", OpenAgreementsCard.Build(SampleViews.OpenAgreements, c));
        yield return ("OpenAgreementsCard.Build", "empty", OpenAgreementsCard.Build(new OpenAgreementsView("Sozialraum Nord", []), c));
        yield return ("ProtocolListCard.Build", "default", ProtocolListCard.Build(SampleViews.Protocols, c));
        yield return ("ProtocolListCard.Build", "empty", ProtocolListCard.Build(new ProtocolListView("Sozialraum Nord", []), c));
        foreach (var code in Enum.GetValues<MessageCode>())
        {
            yield return ("ActionResultCard.Build", code.ToString(), ActionResultCard.Build(new MessageView(code, "A", "B"), c));
        }

        yield return ("LiveSessionCard.Build", "huge", LiveSessionCard.Build(Huge.Live(), c));
        yield return ("ProtocolCard.Build", "huge", ProtocolCard.Build(Huge.Protocol(), c));
        yield return ("RecordTextCard.Build", "huge", RecordTextCard.Build(Huge.Protocol(), c));
    }
}

/// <summary>Oversized sessions: many long contributions, to check the cards shrink to fit.</summary>
internal static class Huge
{
    public static IReadOnlyList<ContributionView> Contributions() =>
        Enumerable.Range(0, 300).Select(i => new ContributionView(
            $"h{i}",
            (ContributionKind)(i % 5),
            new string('x', CardLimits.MaxTextLength))
        {
            Area = (ResourceArea)(i % 5),
            Level = (IdeaLevel)(i % 4),
            AuthorName = "Deniz Yılmaz",
        }).ToArray();

    public static LiveSessionView Live() => SampleViews.Live(SampleViews.Moderator) with
    {
        Contributions = Contributions(),
        RefreshUserIds = Enumerable.Range(0, 200).Select(i => $"29:user{i}").ToArray(),
    };

    public static ProtocolView Protocol() => SampleViews.Protocol with
    {
        Contributions = Contributions(),
        Agreements = Enumerable.Range(0, 100).Select(i => new AgreementView($"a{i}", new string('w', 1000), "Person", ResponsibleParty.Person)).ToArray(),
    };
}

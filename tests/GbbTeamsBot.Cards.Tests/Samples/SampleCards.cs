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
        yield return ("SettingsCard.Build", "moderator", SettingsCard.Build(new TeamSettingsView("Sozialraum Nord", language, "Europe/Berlin", ["Europe/Berlin", "Europe/Vienna", "UTC"]) { ViewerMayChange = true }, c));
        yield return ("SettingsCard.Build", "read-only", SettingsCard.Build(new TeamSettingsView("Sozialraum Nord", language, "Europe/Berlin", ["Europe/Berlin"]) { Notice = new MessageView(MessageCode.Saved) }, c));
        yield return ("SettingsCard.Build", "moderator-graph", SettingsCard.Build(new TeamSettingsView("Sozialraum Nord", language, "Europe/Berlin", ["Europe/Berlin"])
        {
            ViewerMayChange = true,
            Graph = new GraphSettingsView(Calendar: true, Planner: true, Files: false, PlanId: "xqQg5FS2LkCp935s-FIFm2QAFkHM") { Problem = "Der Planner-Plan wurde nicht gefunden." },
        }, c));
        yield return ("SettingsCard.Build", "read-only-graph", SettingsCard.Build(new TeamSettingsView("Sozialraum Nord", language, "Europe/Berlin", ["Europe/Berlin"]) { Graph = new GraphSettingsView(true, false, true, null) }, c));
        yield return ("NextMeetingCards.Form", "default", NextMeetingCards.Form(new NextMeetingFormView(SampleViews.Session, MethodKind.KollegialeBeratung, "Ahorn-07", new DateOnly(2031, 3, 4), "10:00", 45) { Invitees = "kollegin@jobcenter.example" }, c));
        yield return ("NextMeetingCards.Form", "problem", NextMeetingCards.Form(new NextMeetingFormView(SampleViews.Session, MethodKind.Helferkonferenz, null, new DateOnly(2031, 3, 4), "14:30", 60) { Problem = "Bitte ein Datum in der Zukunft wählen." }, c));
        foreach (var kind in Enum.GetValues<NextMeetingResultKind>())
        {
            yield return ("NextMeetingCards.Result", kind.ToString(), NextMeetingCards.Result(new NextMeetingResultView(kind, MethodKind.KollegialeBeratung, "Ahorn-07")
            {
                Start = new DateTimeOffset(2031, 3, 4, 9, 0, 0, TimeSpan.Zero),
                JoinUrl = kind == NextMeetingResultKind.Scheduled ? new Uri("https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0") : null,
            }, c));
        }

        yield return ("HelpCard.Build", "all-commands", HelpCard.Build(language, Enum.GetValues<BotCommand>()));
        yield return ("SetupCard.Build", "with-errors", SetupCard.Build(SampleViews.Setup, c));
        yield return ("SetupCard.Build", "empty", SetupCard.Build(new SetupView(SampleViews.Session, SampleViews.Members), c));
        yield return ("SetupCard.Build", "huge-team", SetupCard.Build(new SetupView(SampleViews.Session, Huge.Members()), c));
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
        yield return ("ProtocolCard.Build", "protokoll-texts", ProtocolCard.Build(SampleViews.Protocol with { ViewerMayEditTexts = true, Summary = "Die Person sucht eine Ausbildung in Teilzeit." }, c));
        yield return ("ProtocolCard.Build", "correctable", ProtocolCard.Build(SampleViews.Protocol with { ViewerMayCorrect = true, Version = 2, Summary = "Zusammenfassung", NeedsAndObstacles = "Kinderbetreuung fehlt." }, c));
        yield return ("LiveSessionCard.Build", "earlier-agreements-review", LiveSessionCard.Build(SampleViews.Live(SampleViews.Moderator, running: 0) with
        {
            EarlierAgreements = [SampleViews.Agreements[0] with { Progress = AgreementProgress.Done }, SampleViews.Agreements[1] with { Progress = AgreementProgress.NotDone, Reason = "Termin ausgefallen" }],
            ViewerMayReview = true,
        }, c));
        yield return ("CaseHistoryCard.Build", "two-sessions", CaseHistoryCard.Build(new CaseHistoryView("A-17", [
            new CaseSessionView(SampleViews.Session, MethodKind.KollegialeBeratung, SampleViews.Now.AddDays(-30), SampleViews.Contributions.Where(x => x.Kind == ContributionKind.Ampeltorte).ToList()) { IsCompleted = true, ProtocolVersion = 1 },
            new CaseSessionView(SampleViews.Session with { SessionId = "s-4712" }, MethodKind.Helferkonferenz, SampleViews.Now, []) { IsCompleted = true },
        ], [SampleViews.Agreements[0] with { Progress = AgreementProgress.Done, Goal = GoalLevelKind.Handlungsziel }, SampleViews.Agreements[1]])
        {
            CurrentResources = SampleViews.Contributions.Where(x => x.Kind == ContributionKind.Resource).ToList(),
        }, c));
        yield return ("CaseHistoryCard.Build", "unknown-case", CaseHistoryCard.Build(new CaseHistoryView("Z-99", [], []), c));
        yield return ("ReminderCard.Build", "before-due", ReminderCard.Build(new ReminderView("team:19:x", "s-4711", "s-4711/a1", "A-17", SampleViews.Agreements[0].What, new DateOnly(2026, 3, 16), IsOverdue: false), c));
        yield return ("ReminderCard.Build", "done", ReminderCard.Build(new ReminderView("team:19:x", "s-4711", "s-4711/a1", "A-17", SampleViews.Agreements[0].What, new DateOnly(2026, 3, 10), IsOverdue: true) { Notice = "Als erledigt gespeichert.", IsClosed = true }, c));
        foreach (var knowledge in KnowledgeSamples.Variants(c))
        {
            yield return knowledge;
        }

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
        yield return ("CaseDeletionCard.Build", "preview", CaseDeletionCard.Build(new CaseDeletionView(CaseDeletionStage.Preview, "Ahorn-07", 2, 3, 4), c));
        yield return ("CaseDeletionCard.Build", "refused", CaseDeletionCard.Build(new CaseDeletionView(CaseDeletionStage.Preview, "Ahorn-07", 1, 1, 0) { Refusal = "Zu diesem Fall ist noch eine Sitzung offen." }, c));
        yield return ("CaseDeletionCard.Build", "changed", CaseDeletionCard.Build(new CaseDeletionView(CaseDeletionStage.Changed, "Ahorn-07", 3, 3, 4), c));
        yield return ("CaseDeletionCard.Build", "nothing", CaseDeletionCard.Build(new CaseDeletionView(CaseDeletionStage.Preview, "Ahorn-07", 0, 0, 0), c));
        yield return ("CaseDeletionCard.Build", "deleted", CaseDeletionCard.Build(new CaseDeletionView(CaseDeletionStage.Deleted, "Ahorn-07", 2, 3, 4), c));
        yield return ("CaseDeletionCard.Build", "cancelled", CaseDeletionCard.Build(new CaseDeletionView(CaseDeletionStage.Cancelled, string.Empty, 0, 0, 0), c));
        foreach (var code in Enum.GetValues<MessageCode>())
        {
            yield return ("ActionResultCard.Build", code.ToString(), ActionResultCard.Build(new MessageView(code, "A", "B"), c));
        }

        yield return ("LiveSessionCard.Build", "huge", LiveSessionCard.Build(Huge.Live(), c));
        yield return ("ProtocolCard.Build", "huge", ProtocolCard.Build(Huge.Protocol(), c));
        yield return ("RecordTextCard.Build", "huge", RecordTextCard.Build(Huge.Protocol(), c));
        yield return ("OpenAgreementsCard.Build", "huge", OpenAgreementsCard.Build(Huge.OpenAgreements(), c));
        yield return ("ProtocolListCard.Build", "huge", ProtocolListCard.Build(Huge.Protocols(), c));
        yield return ("AgendaCard.Build", "huge", AgendaCard.Build(Huge.Agenda(), c));
        yield return ("AgreementsEditorCard.Build", "huge", AgreementsEditorCard.Build(
            new AgreementsEditorView(Huge.Session, MethodKind.Helferkonferenz, new string('p', 40), Huge.Agreements()) { ViewerMayEdit = true }, c));
        yield return ("IdeasCard.Build", "huge", IdeasCard.Build(
            new IdeasView(Huge.Session, "A-17", Huge.Contributions().Select(x => x with { Kind = ContributionKind.Idea }).ToArray()) { ViewerIsCasePresenter = true }, c));
        yield return ("SozialraumRundeCard.Build", "huge", SozialraumRundeCard.Build(
            new SozialraumRundeView(Huge.Session, "Nord", Huge.Contributions().Select(x => x with { Kind = ContributionKind.RoundEntry, Place = new string('o', 200) }).ToArray()) { ViewerIsModerator = true }, c));
        yield return ("HelperConferenceCards.BuildAgencyRound", "huge", HelperConferenceCards.BuildAgencyRound(
            new HelperRoundView(Huge.Session, "B-03", Huge.Contributions().Select(x => x with
            {
                Kind = ContributionKind.HelperSystem,
                Agency = new string('a', 200),
                Mandate = new string('m', 200),
                CurrentActivities = new string('c', 1000),
            }).ToArray()) { ViewerMayAdd = true }, c));
        yield return ("ResourceMapCard.Build", "huge", ResourceMapCard.Build(
            new ResourceMapView(Huge.Session, "A-17", Huge.Contributions().Select(x => x with { Kind = ContributionKind.Resource }).ToArray()), c));
        yield return ("AmpeltorteCard.Build", "huge", AmpeltorteCard.Build(
            new AmpeltorteView(Huge.Session, "A-17", Huge.Contributions().Select((x, i) => x with
            {
                Kind = ContributionKind.Ampeltorte,
                Domain = (LifeDomain)(i % 5),
                Light = (TrafficLight)(i % 3),
            }).ToArray()), c));
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

    // Long but realistic ids: Teams MRIs and GUID-like session ids.
    public static readonly SessionRef Session = new(new string('s', 60), long.MaxValue);

    public static IReadOnlyList<AgreementView> Agreements() =>
        Enumerable.Range(0, 200).Select(i => new AgreementView($"agreement-{i:D4}-{Guid.Empty}", new string('w', 1000), new string('p', 200), ResponsibleParty.Dritte)
        {
            Due = new DateOnly(2026, 1, 1).AddDays(i),
            IsCoordinator = i == 0,
        }).ToArray();

    public static OpenAgreementsView OpenAgreements() => new(new string('t', 200),
        Agreements().Select(a => new OpenAgreementView(Session, MethodKind.PartizipativeKollegialeBeratung, new string('p', 40), a)).ToArray());

    public static ProtocolListView Protocols() => new(new string('t', 200),
        Enumerable.Range(0, 300).Select(i => new ProtocolListItemView(Session, MethodKind.PartizipativeKollegialeBeratung, new string('p', 40), SampleViews.Now.AddDays(-i))).ToArray());

    public static AgendaView Agenda() => SampleViews.Agenda with
    {
        Session = Session,
        MeetingTitle = new string('m', 300),
        Items = Enumerable.Range(0, 100).Select(i => new AgendaItemView(new string('i', 300), AgendaItemKind.Beratung, 10, PhaseStatus.Upcoming) { CasePseudonym = new string('p', 40) }).ToArray(),
        RefreshUserIds = Enumerable.Range(0, 200).Select(i => $"29:{i:D4}{new string('u', 90)}").ToArray(),
    };

    public static IReadOnlyList<MemberView> Members() =>
        Enumerable.Range(0, 300)
            .Select(i => new MemberView($"29:1{i:D4}{new string('a', 90)}", $"Kollegin Nummer {i} aus dem Sozialraum Nord mit langem Namen"))
            .ToArray();

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

using GbbTeamsBot.Cards.ViewModels;

namespace GbbTeamsBot.Cards.Tests.Samples;

/// <summary>Realistic view models for every screen (pseudonymous, invented content).</summary>
internal static class SampleViews
{
    public static readonly DateTimeOffset Now = new(2026, 3, 12, 9, 35, 0, TimeSpan.Zero);

    public static readonly SessionRef Session = new("s-4711", 7);

    public static IReadOnlyList<MemberView> Members { get; } =
    [
        new("29:anna", "Anna Berger"),
        new("29:ben", "Ben Okafor"),
        new("29:carla", "Carla Nowak"),
        new("29:deniz", "Deniz Yılmaz"),
        new("29:emil", "Emil Sander"),
    ];

    public static IReadOnlyList<RoleHolderView> RoleHolders { get; } =
    [
        new(RoleKind.Moderation, "Anna Berger"),
        new(RoleKind.Protokoll, "Ben Okafor"),
        new(RoleKind.Falleinbringend, "Carla Nowak"),
        new(RoleKind.Beratend, "Deniz Yılmaz"),
        new(RoleKind.Beratend, "Emil Sander"),
    ];

    public static IReadOnlyList<PhaseView> KbPhases(int running) =>
        new (PhaseKind Kind, int Minutes)[]
        {
            (PhaseKind.Falleingabe, 10),
            (PhaseKind.Fragestellung, 5),
            (PhaseKind.Ressourcensammlung, 10),
            (PhaseKind.Ideen, 10),
            (PhaseKind.Vereinbarung, 5),
        }.Select((p, i) => new PhaseView(
            p.Kind,
            p.Minutes,
            i < running ? PhaseStatus.Done : i == running ? PhaseStatus.Running : PhaseStatus.Upcoming)
        {
            ActualMinutes = i < running ? p.Minutes + (i % 2 == 0 ? 2 : -1) : null,
        }).ToArray();

    public static IReadOnlyList<ContributionView> Contributions { get; } =
    [
        new("c1", ContributionKind.ClarifyingQuestion, "Seit wann besteht der Kontakt zum Familienzentrum?") { AuthorName = "Deniz Yılmaz" },
        new("c2", ContributionKind.FocusQuestion, "Wie kann Fall A-17 wieder Tritt in einer Ausbildung fassen, die zu den Betreuungszeiten passt?"),
        new("c3", ContributionKind.Ampeltorte, "Wohnung ist gesichert") { Domain = LifeDomain.FinanzenWohnen, Light = TrafficLight.Green },
        new("c4", ContributionKind.Ampeltorte, "Kinderbetreuung am Nachmittag ungeklärt") { Domain = LifeDomain.FamilieBeziehungen, Light = TrafficLight.Yellow },
        new("c5", ContributionKind.Ampeltorte, "Rückenschmerzen bei langem Stehen") { Domain = LifeDomain.Gesundheit, Light = TrafficLight.Red },
        new("c6", ContributionKind.Resource, "Spricht drei Sprachen, hat Erfahrung im Einzelhandel") { Area = ResourceArea.Persoenlich },
        new("c7", ContributionKind.Resource, "Schwester wohnt im selben Haus") { Area = ResourceArea.Sozial },
        new("c8", ContributionKind.Resource, "Stadtteilzentrum bietet Elterncafé") { Area = ResourceArea.Sozialraum },
        new("c9", ContributionKind.Idea, "Probetag im Bioladen um die Ecke") { Level = IdeaLevel.Selbst, IsChosen = true },
        new("c10", ContributionKind.Idea, "Schwester fragen, ob sie zwei Nachmittage übernimmt") { Level = IdeaLevel.Umfeld },
        new("c11", ContributionKind.Idea, "Teilzeitausbildung über die Kammer klären") { Level = IdeaLevel.Fachdienste },
    ];

    public static IReadOnlyList<AgreementView> Agreements { get; } =
    [
        new("a1", "Probetag im Bioladen anfragen", "Person", ResponsibleParty.Person) { Due = new DateOnly(2026, 3, 20) },
        new("a2", "Infos zur Teilzeitausbildung zusenden", "Carla Nowak", ResponsibleParty.Jobcenter) { Due = new DateOnly(2026, 3, 1) },
        new("a3", "Platz in der Nachmittagsbetreuung prüfen", "Familienzentrum Nord", ResponsibleParty.Dritte) { IsCoordinator = true },
    ];

    public static IReadOnlyList<string> RefreshIds { get; } = Members.Select(m => m.UserId).ToArray();

    public static SetupView Setup { get; } = new(Session, Members)
    {
        Method = MethodKind.KollegialeBeratung,
        CasePseudonym = "A-17",
        ModeratorId = "29:anna",
        AdviserIds = ["29:deniz", "29:emil"],
        PlannedMinutes = 40,
        Errors = [new MessageView(MessageCode.RoleMissing, "Protokoll"), new MessageView(MessageCode.PseudonymLooksPersonal)],
    };

    public static LiveSessionView Live(ViewerView viewer, int running = 2) =>
        new(Session, MethodKind.KollegialeBeratung, "A-17", KbPhases(running), running, viewer)
        {
            PhaseEndsAt = Now.AddMinutes(7),
            RoleHolders = RoleHolders,
            Contributions = Contributions,
            Agreements = running == 4 ? Agreements : [],
            RefreshUserIds = RefreshIds,
        };

    public static ViewerView Moderator { get; } = new("29:anna", [RoleKind.Moderation]);

    public static ViewerView Adviser(ContributionKind? mayAdd) => new("29:deniz", [RoleKind.Beratend]) { MayAdd = mayAdd };

    public static ProtocolView Protocol { get; } = new(
        Session,
        MethodKind.KollegialeBeratung,
        "A-17",
        Now.AddMinutes(-40),
        KbPhases(5),
        Contributions,
        Agreements)
    {
        EndedAt = Now,
        RoleHolders = RoleHolders,
        EarlierAgreements = [new("e1", "Bewerbungsunterlagen aktualisieren", "Person", ResponsibleParty.Person) { IsDone = true }],
        ConfirmedBy = ["Ben Okafor"],
        ViewerMayConfirm = true,
    };

    public static IReadOnlyList<ContributionView> HelperSystems { get; } =
    [
        new("h1", ContributionKind.HelperSystem, "Wöchentliche Besuche") { Agency = "Sozialpädagogische Familienhilfe", Mandate = "Hilfe zur Erziehung", CurrentActivities = "Wöchentliche Besuche, Unterstützung bei Behördengängen" },
        new("h2", ContributionKind.HelperSystem, "Beratung") { Agency = "Schuldnerberatung", Mandate = "Entschuldung", CurrentActivities = "Haushaltsplan erstellt" },
    ];

    public static IReadOnlyList<ContributionView> RoundEntries { get; } =
    [
        new("r1", ContributionKind.RoundEntry, "Neuer Jugendtreff eröffnet") { Category = RoundCategory.Beobachtung, Place = "Lindenstraße" },
        new("r2", ContributionKind.RoundEntry, "Busverbindung abends fehlt, mehrere Kundinnen betroffen") { Category = RoundCategory.Bedarfslage },
        new("r3", ContributionKind.RoundEntry, "Quartiersmanagerin sucht Kontakt zum Team") { Category = RoundCategory.Schluesselperson },
    ];

    public static AgendaView Agenda { get; } = new(Session, "Teamsitzung Sozialraum Nord", [
        new AgendaItemView("Sozialraum-Runde", AgendaItemKind.SozialraumRunde, 15, PhaseStatus.Done) { ActualMinutes = 17 },
        new AgendaItemView("Kollegiale Beratung", AgendaItemKind.Beratung, 40, PhaseStatus.Running) { CasePseudonym = "A-17" },
        new AgendaItemView("Urlaubsplanung", AgendaItemKind.Sonstiges, 10, PhaseStatus.Upcoming),
    ])
    {
        RunningIndex = 1,
        ItemEndsAt = Now.AddMinutes(25),
        MeetingEndsAt = Now.AddMinutes(35),
        ViewerIsModerator = true,
        RefreshUserIds = RefreshIds,
    };

    public static OpenAgreementsView OpenAgreements { get; } = new("Sozialraum Nord",
        Agreements.Select(a => new OpenAgreementView(Session, MethodKind.KollegialeBeratung, "A-17", a)).ToArray());

    public static ProtocolListView Protocols { get; } = new("Sozialraum Nord", [
        new ProtocolListItemView(Session, MethodKind.KollegialeBeratung, "A-17", Now.AddDays(-1)) { IsConfirmed = true },
        new ProtocolListItemView(new SessionRef("s-4712", 3), MethodKind.Helferkonferenz, "B-03", Now.AddDays(-8)),
    ]);
}

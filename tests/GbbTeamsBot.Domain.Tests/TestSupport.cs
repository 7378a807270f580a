using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Consent;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;
using Microsoft.Extensions.Time.Testing;

namespace GbbTeamsBot.Domain.Tests;

/// <summary>The domain takes instants: tests read them off the library's fake clock, in the fixtures' UTC offset.</summary>
internal static class FakeTimeProviderExtensions
{
    extension(FakeTimeProvider clock)
    {
        public DateTimeOffset Now => clock.GetUtcNow().ToOffset(Fixtures.T0.Offset);

        public DateTimeOffset AdvanceMinutes(double minutes)
        {
            clock.Advance(TimeSpan.FromMinutes(minutes));
            return clock.Now;
        }
    }
}

internal static class Fixtures
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(1));
    public const string Case = "Fall Ahorn-07";
    public const string Mod = "mod";
    public const string Keeper = "pk";
    public const string Presenter = "cp";
    public const string Adviser1 = "adv1";
    public const string Adviser2 = "adv2";
    public const string Person = "person";
    public const string PersonName = "Jürgen Müller";
    public const string External = "ext1";

    public static TimeSpan Min(double minutes) => TimeSpan.FromMinutes(minutes);

    public static ConsentDraft ValidConsent() =>
        new(T0.AddDays(-2), T0.AddMonths(6), ["Jugendamt Nord", "Familienhilfe Süd"], IncludesReleaseFromConfidentiality: true);

    public static MeetingAgenda Agenda() => MeetingAgenda.Create(
        "Teamsitzung Nord",
        Min(90),
        [
            new AgendaItem("Sozialraum-Runde", Min(20), MethodIds.SozialraumRunde),
            new AgendaItem("Kollegiale Beratung", Min(40), MethodIds.KollegialeBeratung, Case),
            new AgendaItem("Organisatorisches", Min(15)),
        ],
        MethodCatalog.Default).GetValueOrThrow();

    /// <summary>A prepared session with every role of the method filled once (person and partners from outside the tenant).</summary>
    public static ConsultationSession Prepared(
        string methodId = MethodIds.KollegialeBeratung,
        SessionOptions? options = null,
        IReadOnlyList<Agreement>? earlier = null,
        bool withConsent = true)
    {
        var setup = new SessionSetup("s1", "tenant-a", "team-nord", methodId, Mod, "Mona Moderation")
        {
            CaseReference = methodId is MethodIds.SozialraumRunde or MethodIds.Teamsitzung or MethodIds.Sozialraumvorhaben ? null : Case,
            Agenda = methodId == MethodIds.Teamsitzung ? Agenda() : null,
            Options = options,
            EarlierAgreements = earlier ?? [],
        };
        var session = ConsultationSession.Create(setup, T0.AddMinutes(-30)).GetValueOrThrow();
        var at = T0.AddMinutes(-20);
        void Add(string id, string name, ParticipantRole role, bool external = false, string? org = null)
        {
            if (session.Method.RuleFor(role) is not { Max: > 0 })
            {
                return;
            }

            session.Ok(new JoinSession(id, name, external, org), at);
            if (session.RoleOf(id) != role)
            {
                session.Ok(new AssignRole(Mod, id, role), at);
            }
        }

        Add(Keeper, "Paula Protokoll", ParticipantRole.ProtocolKeeper);
        Add(Presenter, "Carla Fall", ParticipantRole.CasePresenter);
        Add(Adviser1, "Anton Rat", ParticipantRole.Adviser);
        Add(Adviser2, "Berta Rat", ParticipantRole.Adviser);
        Add(Person, PersonName, ParticipantRole.PersonConcerned, external: true);
        Add(External, "Erik Extern", ParticipantRole.ExternalProfessional, external: true, org: "Jugendamt Nord");
        if (withConsent && session.Method.RequiresConsent)
        {
            session.Ok(new RecordConsent(Mod, ValidConsent()), at);
        }

        return session;
    }

    public static ConsultationSession Running(string methodId = MethodIds.KollegialeBeratung, SessionOptions? options = null, IReadOnlyList<Agreement>? earlier = null)
    {
        var session = Prepared(methodId, options, earlier);
        session.Ok(new StartSession(Mod), T0);
        return session;
    }

    public static CommandResult Ok(this ConsultationSession session, SessionCommand command, DateTimeOffset now)
    {
        var result = session.Execute(command, now);
        Assert.True(result.IsAccepted, $"{command.GetType().Name} rejected: {result.Rejection}");
        return result;
    }

    public static string Json(this ConsultationSession session) => SessionSnapshotSerializer.Serialize(session.Snapshot());

    /// <summary>A sample draft of each kind, with neutral, factual wording.</summary>
    public static ContributionDraft SampleDraft(ContributionKind kind) => kind switch
    {
        ContributionKind.ClarifyingQuestion => new ClarifyingQuestionDraft("Seit wann besteht der Kontakt zur Schuldnerberatung?"),
        ContributionKind.Resource => new ResourceDraft(ResourceArea.Social, "Die Schwester hilft regelmäßig bei der Kinderbetreuung."),
        ContributionKind.Idea => new IdeaDraft(IdeaLevel.Person, "Die Person erkundigt sich beim Sportverein nach einer Übungsleiterstelle."),
        ContributionKind.AmpelEntry => new AmpelDraft(LifeDomain.Health, TrafficLight.Yellow, "Termin bei der Hausärztin ist vereinbart."),
        ContributionKind.NeighbourhoodEntry => new NeighbourhoodDraft(NeighbourhoodCategory.Resource, "Das Stadtteilzentrum bietet dienstags ein Elterncafé an.", "Stadtteilzentrum"),
        ContributionKind.HelperSystemEntry => new HelperSystemDraft("Jugendamt Nord", "Hilfe zur Erziehung", "Wöchentliche Familienhilfe seit Oktober."),
        ContributionKind.Statement => new StatementDraft("Die Person möchte im Frühjahr eine Ausbildung in der Pflege beginnen."),
        ContributionKind.ProjectBrief => new ProjectBriefDraft(
            "Sprechstunde im Stadtteilzentrum",
            "Viele Familien erreichen das Jobcenter schlecht.",
            "Monatliche offene Sprechstunde vor Ort.",
            "Stadtteilzentrum, Quartiersmanagement",
            "Raum ist kostenlos."),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

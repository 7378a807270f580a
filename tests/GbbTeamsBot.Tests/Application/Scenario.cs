using GbbTeamsBot.Application;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Consent;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Protocol;
using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Tests.Application;

/// <summary>People, texts and helpers for driving sessions through the application services.</summary>
internal static class Scenario
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    public const string Tenant = "tenant-a";
    public const string Conversation = "19:nord@thread.tacv2";
    public const string Case = "Fall Ahorn-07";
    public const string Mod = "mod";
    public const string Keeper = "pk";
    public const string Presenter = "cp";
    public const string Adviser1 = "adv1";
    public const string Adviser2 = "adv2";
    public const string Person = "person";
    public const string External = "ext1";

    public static string NewTeam() => "team-" + Guid.NewGuid().ToString("N")[..8];

    public static bool HasCase(string methodId) => methodId is not (MethodIds.SozialraumRunde or MethodIds.Teamsitzung or MethodIds.Sozialraumvorhaben);

    public static MeetingAgenda Agenda() => MeetingAgenda.Create(
        "Teamsitzung Nord",
        TimeSpan.FromMinutes(90),
        [
            new AgendaItem("Sozialraum-Runde", TimeSpan.FromMinutes(20), MethodIds.SozialraumRunde),
            new AgendaItem("Kollegiale Beratung", TimeSpan.FromMinutes(40), MethodIds.KollegialeBeratung, Case),
            new AgendaItem("Organisatorisches", TimeSpan.FromMinutes(15)),
        ],
        MethodCatalog.Default).GetValueOrThrow();

    /// <summary>A setup with every role of the method filled once (person and partner agency from outside the tenant).</summary>
    public static CreateSessionRequest Setup(string teamId, string methodId, SessionOptions? options = null, string? sessionId = null)
    {
        var method = methodId == MethodIds.Teamsitzung ? MethodCatalog.Default.ForAgenda(Agenda()) : Method(methodId);
        var people = new List<InitialParticipant>();
        void Add(string id, string name, ParticipantRole role, bool external = false, string? org = null)
        {
            if (method.RuleFor(role) is { Max: > 0 })
            {
                people.Add(new InitialParticipant(id, name, role, external, org));
            }
        }

        Add(Keeper, "Paula Protokoll", ParticipantRole.ProtocolKeeper);
        Add(Presenter, "Carla Fall", ParticipantRole.CasePresenter);
        Add(Adviser1, "Anton Rat", ParticipantRole.Adviser);
        Add(Adviser2, "Berta Rat", ParticipantRole.Adviser);
        Add(Person, "Jürgen Müller", ParticipantRole.PersonConcerned, external: true);
        Add(External, "Erik Extern", ParticipantRole.ExternalProfessional, external: true, org: "Jugendamt Nord");
        return new CreateSessionRequest(Tenant, teamId, Conversation, Mod, "Mona Moderation", methodId)
        {
            SessionId = sessionId,
            CaseReference = HasCase(methodId) ? Case : null,
            Agenda = methodId == MethodIds.Teamsitzung ? Agenda() : null,
            Options = options,
            Participants = people,
        };
    }

    public static MethodDefinition Method(string methodId) =>
        MethodCatalog.Default.Methods.Single(m => m.Id == methodId);

    public static ConsentDraft ValidConsent(DateTimeOffset now) =>
        new(now.AddDays(-2), now.AddMonths(6), ["Jugendamt Nord", "Familienhilfe Süd"], IncludesReleaseFromConfidentiality: true);

    public static AgreementDraft SampleAgreement() =>
        new("Die Person ruft beim Sportverein an.", AgreementOwner.Person, null, new DateOnly(2026, 12, 1), GoalLevel.Handlungsziel);

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

    public static string ConfirmerOf(MethodDefinition method) => method.Confirmer switch
    {
        ProtocolConfirmer.CasePresenter => Presenter,
        ProtocolConfirmer.Moderator => Mod,
        _ => External,
    };

    /// <summary>Runs a command that must be accepted and returns the outcome.</summary>
    public static async Task<CommandOutcome> OkAsync(this SessionService service, SessionAddress address, SessionCommand command, int? expectedVersion = null, string? requestId = null)
    {
        var outcome = await service.ExecuteAsync(address, command, expectedVersion, requestId);
        Assert.True(outcome.IsAccepted, $"{command.GetType().Name}: {outcome.Status} {outcome.Rejection}");
        return outcome;
    }

    public static SessionAddress Address(this CreateSessionOutcome created) => created.Session!.Address;
}

using GbbTeamsBot.Domain.Common;
using static GbbTeamsBot.Domain.Methods.ParticipantRole;

namespace GbbTeamsBot.Domain.Methods;

/// <summary>
/// The built-in methods of the method guide §3, written as data. German texts are the product's own wording,
/// following the sources in /work/shared/seeds.
/// </summary>
internal static class BuiltInMethods
{
    public static IReadOnlyList<MethodDefinition> All { get; } =
    [
        KollegialeBeratung(),
        PartizipativeKollegialeBeratung(),
        Helferkonferenz(),
        SozialraumRunde(),
        Sozialraumvorhaben(),
    ];

    private static TimeSpan Min(int minutes) => TimeSpan.FromMinutes(minutes);

    private static ContributionRule Contribute(ContributionKind kind, params ParticipantRole[] roles) => new(kind, roles);

    private static ActionRule Allow(PhaseAction action, params ParticipantRole[] roles) => new(action, roles);

    private static MethodDefinition KollegialeBeratung() => new()
    {
        Id = MethodIds.KollegialeBeratung,
        Name = new("Kollegiale Beratung", "Kollegiale Beratung (collegial case consultation)"),
        Summary = new(
            "Lösungsfokussierte kollegiale Fallberatung nach dem Fachkonzept Sozialraumorientierung: Falleingabe, Fragestellung, Ressourcen, Ideen, Vereinbarung – 35 bis 45 Minuten mit strikter Zeitführung.",
            "Solution-focused collegial case consultation (neighbourhood-oriented variant): case input, focus question, resources, ideas, agreement – 35 to 45 minutes with strict time-keeping."),
        Budget = new(Min(35), Min(45), Min(15)),
        RequiresCaseReference = true,
        Confirmer = ProtocolConfirmer.CasePresenter,
        Roles =
        [
            new(Moderator, 1, 1),
            new(ProtocolKeeper, 0, 1),
            new(CasePresenter, 1, 1),
            new(Adviser, 1, 30),
            new(Guest, 0, 5),
        ],
        Phases =
        [
            new()
            {
                Key = PhaseKeys.Falleingabe,
                Name = new("Falleingabe", "Case input"),
                Guidance = new(
                    "Die falleinbringende Fachkraft schildert die aktuelle Situation – nur Tatsachen, keine Namen. Die Beratenden stellen kurze Verständnisfragen. Auf Wunsch: Ampeltorte je Lebensbereich, beginnend mit Grün.",
                    "The case presenter describes the current situation – facts only, no names. Advisers ask short clarifying questions. Optionally: the Ampeltorte per life domain, starting with green."),
                DefaultDuration = Min(10),
                Contributions =
                [
                    Contribute(ContributionKind.ClarifyingQuestion, Adviser, Moderator),
                    Contribute(ContributionKind.AmpelEntry, CasePresenter),
                ],
            },
            new()
            {
                Key = PhaseKeys.Zukunft,
                Name = new("Zukunft: Fragestellung / Aufmerksamkeitsrichtung", "Future: focus question"),
                Guidance = new(
                    "Was soll anders werden? Was will die Person? Die falleinbringende Fachkraft formuliert die Frage, an der die Gruppe arbeiten soll.",
                    "What should be different? What does the person want? The case presenter phrases the question the group should work on."),
                DefaultDuration = Min(5),
                Actions = [Allow(PhaseAction.SetFocusQuestion, CasePresenter)],
            },
            new()
            {
                Key = PhaseKeys.Ressourcensammlung,
                Name = new("Ressourcensammlung", "Resource collection"),
                Guidance = new(
                    "Was kann die Person, was ist ihr schon gelungen, wer ist für sie da, was bietet der Sozialraum? Ressourcen nach Bereichen sammeln: persönlich, sozial, Sozialraum, materiell, institutionell.",
                    "What can the person do, what has worked before, who is there for them, what does the neighbourhood offer? Collect resources by area: personal, social, neighbourhood, material, institutional."),
                DefaultDuration = Min(10),
                Contributions = [Contribute(ContributionKind.Resource, Adviser, CasePresenter)],
            },
            new()
            {
                Key = PhaseKeys.Ideen,
                Name = new("Nahe Zukunft: Ideen für nächste Schritte", "Near future: ideas for next steps"),
                Guidance = new(
                    "Erst was die Person selbst tun kann, dann ihr Netzwerk, dann der Sozialraum, erst dann spezialisierte Hilfe. Die Gruppe bietet an; die falleinbringende Fachkraft wählt aus, was zum Willen der Person passt.",
                    "First what the person can do themself, then their network, then the neighbourhood, only then specialised help. The group offers; the case presenter chooses what fits the person's will."),
                DefaultDuration = Min(10),
                Contributions = [Contribute(ContributionKind.Idea, Adviser, CasePresenter)],
                Actions = [Allow(PhaseAction.ChooseIdea, CasePresenter)],
            },
            new()
            {
                Key = PhaseKeys.Vereinbarung,
                Name = new("Vereinbarung / Abschluss", "Agreement / closing"),
                Guidance = new(
                    "Nächste Schritte festhalten: was, wer, bis wann – formuliert als das, was die Person tun will. Kurze Abschlussrunde.",
                    "Record the next steps: what, who, by when – phrased as what the person wants to do. Short closing round."),
                DefaultDuration = Min(5),
                Actions =
                [
                    Allow(PhaseAction.ChooseIdea, CasePresenter),
                    Allow(PhaseAction.RecordAgreement, CasePresenter, ProtocolKeeper, Moderator),
                ],
            },
        ],
    };

    private static MethodDefinition PartizipativeKollegialeBeratung() => new()
    {
        Id = MethodIds.PartizipativeKollegialeBeratung,
        Name = new("Partizipative Kollegiale Beratung", "Partizipative Kollegiale Beratung (participatory consultation)"),
        Summary = new(
            "Kollegiale Beratung mit der Person und Menschen aus ihrer Lebenswelt oder dem Sozialraum. Nur mit Einwilligung, in einfacher Sprache; die Person wählt aus.",
            "Collegial consultation with the person and people from their lifeworld or the neighbourhood. Only with consent, in plain language; the person chooses."),
        Budget = new(Min(45), Min(75), Min(15)),
        RequiresConsent = true,
        RequiresCaseReference = true,
        PlainLanguage = true,
        Confirmer = ProtocolConfirmer.CasePresenter,
        DefaultExternalRole = Guest,
        Roles =
        [
            new(Moderator, 1, 1),
            new(ProtocolKeeper, 0, 1),
            new(CasePresenter, 1, 1),
            new(Adviser, 1, 10),
            new(PersonConcerned, 0, 1),
            new(LifeworldSupporter, 0, 6),
            new(Guest, 0, 3),
        ],
        Phases =
        [
            new()
            {
                Key = PhaseKeys.Ankommen,
                Name = new("Ankommen und Einverständnis", "Arrival and consent"),
                Guidance = new(
                    "Alle stellen sich kurz vor. Die Moderation erklärt den Ablauf in einfachen Worten und sagt, was aufgeschrieben wird. Die Person entscheidet, was sie erzählen möchte.",
                    "Everyone introduces themselves briefly. The moderator explains the process in plain words and says what will be written down. The person decides what they want to tell."),
                DefaultDuration = Min(5),
            },
            new()
            {
                Key = PhaseKeys.Situation,
                Name = new("Wie es gerade ist", "How things are now"),
                Guidance = new(
                    "Die Person – oder mit ihr die Fachkraft – erzählt, wie es gerade ist. Die anderen fragen nur nach, wenn etwas unklar ist. Die Ampeltorte kann helfen: Was läuft gut, woran bin ich dran, was ist schwer?",
                    "The person – or the caseworker together with them – tells how things are now. The others only ask when something is unclear. The Ampeltorte can help: what goes well, what am I working on, what is hard?"),
                DefaultDuration = Min(10),
                Contributions =
                [
                    Contribute(ContributionKind.ClarifyingQuestion, Adviser, LifeworldSupporter, Moderator),
                    Contribute(ContributionKind.AmpelEntry, PersonConcerned, CasePresenter),
                    Contribute(ContributionKind.Statement, PersonConcerned),
                ],
            },
            new()
            {
                Key = PhaseKeys.Wille,
                Name = new("Was will die Person?", "What does the person want?"),
                Guidance = new(
                    "Was soll anders werden? Die Person sagt, woran gearbeitet werden soll. Die Fachkraft hilft, die Frage aufzuschreiben.",
                    "What should be different? The person says what should be worked on. The caseworker helps to write the question down."),
                DefaultDuration = Min(10),
                Contributions = [Contribute(ContributionKind.Statement, PersonConcerned)],
                Actions = [Allow(PhaseAction.SetFocusQuestion, PersonConcerned, CasePresenter)],
            },
            new()
            {
                Key = PhaseKeys.Ressourcen,
                Name = new("Was schon da ist", "What is already there"),
                Guidance = new(
                    "Was kann die Person gut, wer hilft ihr, was gibt es in der Nähe? Alle sammeln Stärken und Möglichkeiten.",
                    "What is the person good at, who helps them, what is there nearby? Everyone collects strengths and possibilities."),
                DefaultDuration = Min(10),
                Contributions = [Contribute(ContributionKind.Resource, Adviser, CasePresenter, PersonConcerned, LifeworldSupporter)],
            },
            new()
            {
                Key = PhaseKeys.Ideen,
                Name = new("Ideen für nächste Schritte", "Ideas for next steps"),
                Guidance = new(
                    "Alle bieten Ideen an – zuerst, was die Person selbst tun kann. Die Person wählt aus, was für sie passt.",
                    "Everyone offers ideas – first what the person can do themself. The person chooses what fits them."),
                DefaultDuration = Min(15),
                Contributions = [Contribute(ContributionKind.Idea, Adviser, CasePresenter, PersonConcerned, LifeworldSupporter)],
                Actions = [Allow(PhaseAction.ChooseIdea, PersonConcerned, CasePresenter)],
            },
            new()
            {
                Key = PhaseKeys.Vereinbarung,
                Name = new("Vereinbarung", "Agreement"),
                Guidance = new(
                    "Was macht wer bis wann? Die nächsten Schritte so aufschreiben, wie die Person sie machen will.",
                    "Who does what by when? Write down the next steps the way the person wants to do them."),
                DefaultDuration = Min(10),
                Actions =
                [
                    Allow(PhaseAction.ChooseIdea, PersonConcerned, CasePresenter),
                    Allow(PhaseAction.RecordAgreement, PersonConcerned, CasePresenter, ProtocolKeeper, Moderator),
                ],
            },
        ],
    };

    private static MethodDefinition Helferkonferenz() => new()
    {
        Id = MethodIds.Helferkonferenz,
        Name = new("Helferkonferenz / Fallkonferenz", "Helferkonferenz (helper conference)"),
        Summary = new(
            "Alle beteiligten Stellen – mit Einwilligung auch die Person – klären eine konkrete Frage: Wer macht was bis wann, damit niemand gegeneinander oder doppelt arbeitet.",
            "All agencies involved – with consent also the person – settle one specific question: who does what by when, so that nobody works against or doubles anyone else."),
        Budget = new(Min(45), Min(90), Min(30)),
        RequiresConsent = true,
        RequiresCaseReference = true,
        Confirmer = ProtocolConfirmer.CoordinatingContact,
        DefaultExternalRole = ExternalProfessional,
        Roles =
        [
            new(Moderator, 1, 1),
            new(ProtocolKeeper, 0, 1),
            new(CasePresenter, 1, 1),
            new(Adviser, 0, 5),
            new(ExternalProfessional, 0, 12),
            new(PersonConcerned, 0, 1),
            new(LifeworldSupporter, 0, 4),
            new(Guest, 0, 4),
        ],
        Phases =
        [
            new()
            {
                Key = PhaseKeys.Eroeffnung,
                Name = new("Eröffnung", "Opening"),
                Guidance = new(
                    "Anlass und Frage der Konferenz, Einwilligung bestätigt, Rollen und Ablauf. Alle stellen sich mit ihrer Stelle vor.",
                    "Occasion and question of the conference, consent confirmed, roles and process. Everyone introduces themselves with their agency."),
                DefaultDuration = Min(5),
                Actions = [Allow(PhaseAction.SetFocusQuestion, CasePresenter, Moderator)],
            },
            new()
            {
                Key = PhaseKeys.SichtDerPerson,
                Name = new("Sicht und Wille der Person", "The person's view and will"),
                Guidance = new(
                    "Wenn die Person dabei ist: Was ist ihr wichtig, was will sie? Sonst berichtet die einladende Fachkraft, was die Person dazu gesagt hat.",
                    "If the person is present: what matters to them, what do they want? Otherwise the inviting caseworker reports what the person said about it."),
                DefaultDuration = Min(10),
                Contributions =
                [
                    Contribute(ContributionKind.Statement, PersonConcerned, CasePresenter),
                    Contribute(ContributionKind.AmpelEntry, PersonConcerned, CasePresenter),
                ],
            },
            new()
            {
                Key = PhaseKeys.Helferrunde,
                Name = new("Runde der Helfersysteme", "Round of the helper systems"),
                Guidance = new(
                    "Jede Stelle nennt kurz ihren Auftrag und was sie aktuell tut – ohne Bewertung der Person.",
                    "Each agency briefly states its mandate and what it currently does – without judging the person."),
                DefaultDuration = Min(15),
                Contributions =
                [
                    Contribute(ContributionKind.HelperSystemEntry, ExternalProfessional, CasePresenter, Adviser),
                    Contribute(ContributionKind.ClarifyingQuestion, ExternalProfessional, CasePresenter, Adviser, Moderator),
                ],
            },
            new()
            {
                Key = PhaseKeys.RessourcenLuecken,
                Name = new("Ressourcen, Lücken und Überschneidungen", "Resources, gaps and overlaps"),
                Guidance = new(
                    "Was trägt schon? Wo fehlt etwas, wo wird doppelt gearbeitet? Partner sind Ressourcen, die der Person angeboten werden.",
                    "What already works? Where is something missing, where is work doubled? Partners are resources offered to the person."),
                DefaultDuration = Min(10),
                Contributions =
                [
                    Contribute(ContributionKind.Resource, ExternalProfessional, CasePresenter, Adviser, PersonConcerned, LifeworldSupporter),
                    Contribute(ContributionKind.Statement, ExternalProfessional, CasePresenter, Adviser, PersonConcerned),
                ],
            },
            new()
            {
                Key = PhaseKeys.Vereinbarungen,
                Name = new("Wer macht was bis wann", "Who does what by when"),
                Guidance = new(
                    "Konkrete Schritte mit Verantwortlichen und Termin vereinbaren. Eine koordinierende Ansprechperson festlegen. Die Person entscheidet mit.",
                    "Agree concrete steps with owners and dates. Designate one coordinating contact. The person decides along."),
                DefaultDuration = Min(15),
                Contributions = [Contribute(ContributionKind.Idea, ExternalProfessional, CasePresenter, Adviser, PersonConcerned, LifeworldSupporter)],
                Actions =
                [
                    Allow(PhaseAction.ChooseIdea, PersonConcerned, CasePresenter),
                    Allow(PhaseAction.RecordAgreement, Moderator, ProtocolKeeper, CasePresenter),
                ],
            },
            new()
            {
                Key = PhaseKeys.Abschluss,
                Name = new("Abschluss", "Closing"),
                Guidance = new(
                    "Nächster Termin, wer das Protokoll erhält, wer die Person informiert.",
                    "Next date, who receives the record, who informs the person."),
                DefaultDuration = Min(5),
                Contributions = [Contribute(ContributionKind.Statement, Moderator, CasePresenter, ExternalProfessional, PersonConcerned)],
            },
        ],
    };

    private static MethodDefinition SozialraumRunde() => new()
    {
        Id = MethodIds.SozialraumRunde,
        Name = new("Sozialraum-Runde", "Sozialraum-Runde (neighbourhood round)"),
        Summary = new(
            "Kurze, zeitlich begrenzte Runde zu Beginn der Teamsitzung: Was ist im Stadtteil bzw. in der Gemeinde aufgefallen, was ist neu, welche Ressourcen und Schlüsselpersonen gibt es?",
            "Short, time-boxed round at the start of the team meeting: what was noticed in the neighbourhood, what is new, which resources and key persons are there?"),
        Budget = new(Min(10), Min(30), Min(10)),
        RunsThroughOnNext = true,
        Confirmer = ProtocolConfirmer.Moderator,
        Roles =
        [
            new(Moderator, 1, 1),
            new(ProtocolKeeper, 0, 1),
            new(Adviser, 0, 40),
            new(Guest, 0, 5),
        ],
        Phases =
        [
            new()
            {
                Key = PhaseKeys.Eindruecke,
                Name = new("Eindrücke aus dem Sozialraum", "Impressions from the neighbourhood"),
                Guidance = new(
                    "Was ist mir aufgefallen, was ist neu? Was gefällt mir, was ärgert mich? Neuigkeiten zu Schlüsselpersonen? Informationen über Sozialraumressourcen?",
                    "What did I notice, what is new? What do I like, what annoys me? News about key persons? Information about local resources?"),
                DefaultDuration = Min(8),
                Contributions = [Contribute(ContributionKind.NeighbourhoodEntry, Moderator, ProtocolKeeper, Adviser)],
            },
            new()
            {
                Key = PhaseKeys.NetzwerkVorhaben,
                Name = new("Netzwerk, Vorhaben und Ideen", "Network, projects and ideas"),
                Guidance = new(
                    "Was gibt es aus Vernetzungsrunden (intern, extern)? Berichte und Anfragen aus laufenden Vorhaben? Ideen für neue Vorhaben? Weiteres?",
                    "News from network meetings (internal, external)? Reports and requests from running projects? Ideas for new projects? Anything else?"),
                DefaultDuration = Min(7),
                Contributions = [Contribute(ContributionKind.NeighbourhoodEntry, Moderator, ProtocolKeeper, Adviser)],
            },
            new()
            {
                Key = PhaseKeys.Festhalten,
                Name = new("Bedarfslagen festhalten", "Record recurring needs"),
                Guidance = new(
                    "Was wiederholt sich? Welche Bedarfslagen, Ressourcen und Schlüsselpersonen halten wir für die Fallarbeit fest?",
                    "What keeps coming up? Which needs, resources and key persons do we record for casework?"),
                DefaultDuration = Min(5),
                Contributions =
                [
                    Contribute(ContributionKind.NeighbourhoodEntry, Moderator, ProtocolKeeper, Adviser),
                    Contribute(ContributionKind.Statement, Moderator, ProtocolKeeper, Adviser),
                ],
            },
        ],
    };

    private static MethodDefinition Sozialraumvorhaben() => new()
    {
        Id = MethodIds.Sozialraumvorhaben,
        Name = new("Sozialraumvorhaben", "Sozialraumvorhaben (neighbourhood project consultation)"),
        Summary = new(
            "Ein konkretes Vorhaben im Sozialraum wird wie ein Fall eingebracht: strukturierte Eingabe, kollegiale Beratung, verbindliche Vereinbarung des Teams.",
            "A concrete neighbourhood project is brought in like a case: structured input, collegial consultation, binding agreement of the team."),
        Budget = new(Min(35), Min(60), Min(15)),
        Confirmer = ProtocolConfirmer.CasePresenter,
        Roles =
        [
            new(Moderator, 1, 1),
            new(ProtocolKeeper, 0, 1),
            new(CasePresenter, 1, 1),
            new(Adviser, 1, 30),
            new(Guest, 0, 5),
        ],
        Phases =
        [
            new()
            {
                Key = PhaseKeys.Eingabe,
                Name = new("Eingabe des Vorhabens", "Project input"),
                Guidance = new(
                    "Das Vorhaben, der beobachtete Bedarf dahinter, das Ziel, beteiligte Menschen und Partner, vorhandene Ressourcen. Die Beratenden stellen Verständnisfragen.",
                    "The project, the observed need behind it, the goal, people and partners involved, resources at hand. Advisers ask clarifying questions."),
                DefaultDuration = Min(10),
                Contributions =
                [
                    Contribute(ContributionKind.ProjectBrief, CasePresenter),
                    Contribute(ContributionKind.ClarifyingQuestion, Adviser, Moderator),
                ],
            },
            new()
            {
                Key = PhaseKeys.Aufmerksamkeitsrichtung,
                Name = new("Aufmerksamkeitsrichtung", "Focus question"),
                Guidance = new(
                    "Die einbringende Fachkraft formuliert, woran das Team arbeiten soll.",
                    "The presenting colleague phrases what the team should work on."),
                DefaultDuration = Min(5),
                Actions = [Allow(PhaseAction.SetFocusQuestion, CasePresenter)],
            },
            new()
            {
                Key = PhaseKeys.Ressourcensammlung,
                Name = new("Ressourcensammlung", "Resource collection"),
                Guidance = new(
                    "Welche Orte, Vereine, Angebote, Arbeitgeber und Schlüsselpersonen im Sozialraum können das Vorhaben tragen?",
                    "Which places, clubs, offers, employers and key persons in the neighbourhood can carry the project?"),
                DefaultDuration = Min(10),
                Contributions = [Contribute(ContributionKind.Resource, Adviser, CasePresenter)],
            },
            new()
            {
                Key = PhaseKeys.Ideen,
                Name = new("Ideen für nächste Schritte", "Ideas for next steps"),
                Guidance = new(
                    "Ideen sammeln und konkretisieren; die einbringende Fachkraft wählt aus.",
                    "Collect ideas and make them concrete; the presenting colleague chooses."),
                DefaultDuration = Min(10),
                Contributions = [Contribute(ContributionKind.Idea, Adviser, CasePresenter)],
                Actions = [Allow(PhaseAction.ChooseIdea, CasePresenter)],
            },
            new()
            {
                Key = PhaseKeys.Vereinbarung,
                Name = new("Verbindliche Vereinbarung im Team", "Binding team agreement"),
                Guidance = new(
                    "Was macht wer im Team bis wann? Die Vereinbarung ist für das Team verbindlich.",
                    "Who in the team does what by when? The agreement binds the team."),
                DefaultDuration = Min(10),
                Actions =
                [
                    Allow(PhaseAction.ChooseIdea, CasePresenter),
                    Allow(PhaseAction.RecordAgreement, CasePresenter, ProtocolKeeper, Moderator),
                ],
            },
        ],
    };
}

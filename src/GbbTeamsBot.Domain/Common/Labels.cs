using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Domain.Common;

/// <summary>German and English display names for every domain enum (cards and protocol use the same words).</summary>
public static class Labels
{
    public static Bilingual For(ParticipantRole role) => role switch
    {
        ParticipantRole.Moderator => new("Moderation", "Moderator"),
        ParticipantRole.ProtocolKeeper => new("Protokoll", "Protocol keeper"),
        ParticipantRole.CasePresenter => new("Falleinbringende Fachkraft", "Case presenter"),
        ParticipantRole.Adviser => new("Beratende", "Adviser"),
        ParticipantRole.PersonConcerned => new("Die Person", "The person concerned"),
        ParticipantRole.LifeworldSupporter => new("Unterstützende aus Lebenswelt oder Sozialraum", "Supporter from lifeworld or neighbourhood"),
        ParticipantRole.ExternalProfessional => new("Fachkraft einer beteiligten Stelle", "Professional of a partner agency"),
        ParticipantRole.Guest => new("Gast", "Guest"),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static Bilingual For(ContributionKind kind) => kind switch
    {
        ContributionKind.ClarifyingQuestion => new("Verständnisfrage", "Clarifying question"),
        ContributionKind.Resource => new("Ressource", "Resource"),
        ContributionKind.Idea => new("Idee", "Idea"),
        ContributionKind.AmpelEntry => new("Ampeltorte", "Ampeltorte (traffic light)"),
        ContributionKind.NeighbourhoodEntry => new("Beitrag zur Sozialraum-Runde", "Neighbourhood round entry"),
        ContributionKind.HelperSystemEntry => new("Helfersystem", "Helper system"),
        ContributionKind.Statement => new("Beitrag", "Statement"),
        ContributionKind.ProjectBrief => new("Eingabe des Vorhabens", "Project brief"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static Bilingual For(PhaseAction action) => action switch
    {
        PhaseAction.SetFocusQuestion => new("Fragestellung festlegen", "Set the focus question"),
        PhaseAction.ChooseIdea => new("Idee auswählen", "Choose an idea"),
        PhaseAction.RecordAgreement => new("Vereinbarung festhalten", "Record an agreement"),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static Bilingual For(ResourceArea area) => area switch
    {
        ResourceArea.Personal => new("Persönlich", "Personal"),
        ResourceArea.Social => new("Sozial", "Social"),
        ResourceArea.Neighbourhood => new("Sozialraum / infrastrukturell", "Neighbourhood / infrastructure"),
        ResourceArea.Material => new("Materiell", "Material"),
        ResourceArea.Institutional => new("Institutionell / professionell", "Institutional / professional"),
        _ => throw new ArgumentOutOfRangeException(nameof(area), area, null),
    };

    public static Bilingual For(IdeaLevel level) => level switch
    {
        IdeaLevel.Person => new("Was die Person selbst tun kann", "What the person can do themself"),
        IdeaLevel.Network => new("Soziales Netzwerk", "Their social network"),
        IdeaLevel.Neighbourhood => new("Sozialraum", "The neighbourhood"),
        IdeaLevel.SpecialisedHelp => new("Spezialisierte Hilfe", "Specialised help"),
        IdeaLevel.ContributingToOthers => new("Für andere beitragen", "Contributing to others"),
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public static Bilingual For(LifeDomain domain) => domain switch
    {
        LifeDomain.FinancesAndHousing => new("Finanzen und Wohnen", "Finances and housing"),
        LifeDomain.FamilySocialAndInstitutionalRelations => new("Familie, soziale und institutionelle Beziehungen", "Family, social and institutional relations"),
        LifeDomain.Motivation => new("Motivation", "Motivation"),
        LifeDomain.Health => new("Gesundheit", "Health"),
        LifeDomain.EducationOccupationAndEmployment => new("Bildung, Beruf und Beschäftigung", "Education, occupation and employment"),
        _ => throw new ArgumentOutOfRangeException(nameof(domain), domain, null),
    };

    public static Bilingual For(TrafficLight light) => light switch
    {
        TrafficLight.Green => new("Grün – läuft gut / bringe ich mit", "Green – goes well / I bring this"),
        TrafficLight.Yellow => new("Gelb – in Klärung, bin dran", "Yellow – being clarified, I am on it"),
        TrafficLight.Red => new("Rot – ist schwierig", "Red – this is difficult"),
        _ => throw new ArgumentOutOfRangeException(nameof(light), light, null),
    };

    public static Bilingual For(NeighbourhoodCategory category) => category switch
    {
        NeighbourhoodCategory.News => new("Aufgefallen / Neuigkeiten", "Noticed / news"),
        NeighbourhoodCategory.Likes => new("Was mir gefällt", "What I like"),
        NeighbourhoodCategory.Annoyances => new("Was mich ärgert", "What annoys me"),
        NeighbourhoodCategory.KeyPerson => new("Schlüsselpersonen", "Key persons"),
        NeighbourhoodCategory.Resource => new("Sozialraumressource", "Neighbourhood resource"),
        NeighbourhoodCategory.NetworkNews => new("Aus Vernetzungsrunden", "From network meetings"),
        NeighbourhoodCategory.ProjectReport => new("Aus laufenden Vorhaben", "From running projects"),
        NeighbourhoodCategory.Idea => new("Idee für ein Vorhaben", "Idea for a project"),
        NeighbourhoodCategory.Needs => new("Bedarfslagen", "Recurring needs"),
        NeighbourhoodCategory.Other => new("Weiteres", "Other"),
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    public static Bilingual For(AgreementOwner owner) => owner switch
    {
        AgreementOwner.Person => new("Die Person", "The person"),
        AgreementOwner.JobCentre => new("Jobcenter", "Job centre"),
        AgreementOwner.ThirdParty => new("Dritte", "Third party"),
        AgreementOwner.Team => new("Team", "Team"),
        _ => throw new ArgumentOutOfRangeException(nameof(owner), owner, null),
    };

    public static Bilingual For(AgreementStatus status) => status switch
    {
        AgreementStatus.Open => new("offen", "open"),
        AgreementStatus.Done => new("erledigt", "done"),
        AgreementStatus.Dropped => new("verworfen", "dropped"),
        AgreementStatus.PartlyDone => new("teilweise erledigt", "partly done"),
        AgreementStatus.NotDone => new("nicht erledigt", "not done"),
        AgreementStatus.CarriedOver => new("übernommen", "carried over"),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static Bilingual For(GoalLevel level) => level switch
    {
        GoalLevel.Leitziel => new("Leitziel", "Leitziel (guiding goal)"),
        GoalLevel.Bereichsziel => new("Bereichsziel", "Bereichsziel (domain goal)"),
        GoalLevel.Handlungsziel => new("Handlungsziel", "Handlungsziel (action goal)"),
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, null),
    };

    public static Bilingual For(AgreementHint hint) => hint switch
    {
        AgreementHint.MissingOwner => new("Wer ist verantwortlich? Bitte ergänzen.", "Who is responsible? Please add."),
        AgreementHint.MissingDueDate => new("Bis wann? Bitte ein Datum ergänzen.", "By when? Please add a date."),
        AgreementHint.MissingAgency => new("Welche Stelle? Bitte die beteiligte Stelle nennen.", "Which agency? Please name it."),
        _ => throw new ArgumentOutOfRangeException(nameof(hint), hint, null),
    };

    public static Bilingual For(SessionStatus status) => status switch
    {
        SessionStatus.Prepared => new("vorbereitet", "prepared"),
        SessionStatus.Running => new("läuft", "running"),
        SessionStatus.Paused => new("pausiert", "paused"),
        SessionStatus.Completed => new("abgeschlossen", "completed"),
        SessionStatus.Cancelled => new("abgebrochen", "cancelled"),
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static Bilingual For(SessionTrigger trigger) => trigger switch
    {
        SessionTrigger.Join => new("Beitreten", "Join"),
        SessionTrigger.AssignRole => new("Rolle vergeben", "Assign role"),
        SessionTrigger.HandOverRole => new("Rolle übergeben", "Hand over role"),
        SessionTrigger.RecordConsent => new("Einwilligung erfassen", "Record consent"),
        SessionTrigger.Configure => new("Einstellungen ändern", "Change settings"),
        SessionTrigger.SetPlan => new("Zeitplan festlegen", "Set time plan"),
        SessionTrigger.Start => new("Starten", "Start"),
        SessionTrigger.AdvancePhase => new("Nächste Phase", "Next phase"),
        SessionTrigger.ReturnToPreviousPhase => new("Eine Phase zurück", "One phase back"),
        SessionTrigger.AdjustCurrentPhase => new("Phase verlängern oder kürzen", "Extend or shorten phase"),
        SessionTrigger.ExtendTotal => new("Gesamtzeit verlängern", "Extend total time"),
        SessionTrigger.Pause => new("Pausieren", "Pause"),
        SessionTrigger.Resume => new("Fortsetzen", "Resume"),
        SessionTrigger.FinishEarly => new("Vorzeitig beenden", "Finish early"),
        SessionTrigger.Cancel => new("Abbrechen", "Cancel"),
        SessionTrigger.AddContribution => new("Beitrag hinzufügen", "Add contribution"),
        SessionTrigger.EditContribution => new("Beitrag bearbeiten", "Edit contribution"),
        SessionTrigger.WithdrawContribution => new("Beitrag zurückziehen", "Withdraw contribution"),
        SessionTrigger.HideContribution => new("Beitrag ausblenden", "Hide contribution"),
        SessionTrigger.SetFocusQuestion => new("Fragestellung festlegen", "Set focus question"),
        SessionTrigger.ChooseIdea => new("Idee auswählen", "Choose idea"),
        SessionTrigger.RecordAgreement => new("Vereinbarung festhalten", "Record agreement"),
        SessionTrigger.EditAgreement => new("Vereinbarung bearbeiten", "Edit agreement"),
        SessionTrigger.ReviewEarlierAgreement => new("Frühere Vereinbarung prüfen", "Review earlier agreement"),
        SessionTrigger.DesignateCoordinatingContact => new("Koordinierende Ansprechperson festlegen", "Designate coordinating contact"),
        SessionTrigger.UpdateProtocolText => new("Protokoll bearbeiten", "Edit protocol"),
        SessionTrigger.ConfirmProtocol => new("Protokoll bestätigen", "Confirm protocol"),
        SessionTrigger.CorrectProtocol => new("Protokoll korrigieren", "Correct protocol"),
        SessionTrigger.Next => new("Weiter", "Next"),
        SessionTrigger.Finish => new("Beenden", "Finish"),
        SessionTrigger.RemoveAgreement => new("Vereinbarung entfernen", "Remove agreement"),
        SessionTrigger.Leave => new("Sitzung verlassen", "Leave session"),
        SessionTrigger.PassRole => new("Rolle übergeben", "Hand over role"),
        SessionTrigger.WithdrawConsent => new("Einwilligung widerrufen", "Withdraw consent"),
        _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
    };
}

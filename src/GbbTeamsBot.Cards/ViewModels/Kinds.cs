namespace GbbTeamsBot.Cards.ViewModels;

// Card-side vocabularies. The application layer maps the domain's types to these; names and texts live in
// the resources (Method_*, Role_*, Phase_*, Area_*, ...), so every value renders in German and English.

public enum MethodKind
{
    KollegialeBeratung,
    PartizipativeKollegialeBeratung,
    Helferkonferenz,
    SozialraumRunde,
    Sozialraumvorhaben,
    Teamsitzung,
}

public enum RoleKind
{
    Moderation,
    Protokoll,
    Falleinbringend,
    Beratend,

    /// <summary>The person concerned (Partizipative KB, Helferkonferenz), with consent.</summary>
    BetroffenePerson,

    /// <summary>An agency taking part in a Helferkonferenz.</summary>
    Helfersystem,
    Teilnehmend,

    /// <summary>People from the person's lifeworld or neighbourhood (Partizipative KB, Helferkonferenz).</summary>
    Umfeld,
}

/// <summary>Who gave the consent (by role only).</summary>
public enum ConsentGiverKind
{
    Person,
    GesetzlicheVertretung,
}

public enum PhaseKind
{
    Einwilligung,
    Falleingabe,
    Vorhabeneingabe,
    Fragestellung,
    Ressourcensammlung,
    Ideen,
    Vereinbarung,
    Eroeffnung,
    SichtDerPerson,
    Helferrunde,
    RessourcenLuecken,
    Abschluss,
    SozialraumRunde,

    /// <summary>A team meeting agenda item; its title comes from <see cref="PhaseView.CustomTitle"/>.</summary>
    Tagesordnungspunkt,
}

public enum PhaseStatus
{
    Upcoming,
    Running,
    Done,
    Skipped,
}

/// <summary>What a viewer may add in the current phase; decides which input the live card shows.</summary>
public enum ContributionKind
{
    ClarifyingQuestion,
    FocusQuestion,
    Resource,
    Idea,
    Ampeltorte,
    RoundEntry,
    HelperSystem,
    ProjectInput,
    Note,
}

public enum ResourceArea
{
    Persoenlich,
    Sozial,
    Sozialraum,
    Materiell,
    Institutionell,
}

/// <summary>Activating before caring: the person first, then their network, the neighbourhood, then services.</summary>
public enum IdeaLevel
{
    Selbst,
    Umfeld,
    Sozialraum,
    Fachdienste,
}

/// <summary>The five life domains ("Handlungsfelder") of the Ampeltorte.</summary>
public enum LifeDomain
{
    FinanzenWohnen,
    FamilieBeziehungen,
    Motivation,
    Gesundheit,
    BildungBeruf,
}

public enum TrafficLight
{
    Green,
    Yellow,
    Red,
}

/// <summary>Categories of the Sozialraum-Runde, following its guiding questions.</summary>
public enum RoundCategory
{
    Beobachtung,
    GefaelltMir,
    AergertMich,
    Schluesselperson,
    Ressource,
    Vernetzung,
    LaufendesVorhaben,
    Projektidee,
    Bedarfslage,
    Weiteres,
}

/// <summary>Who is responsible for an agreed next step.</summary>
public enum ResponsibleParty
{
    Person,
    Jobcenter,
    Dritte,

    /// <summary>The team as a whole: offered for Sozialraumvorhaben only.</summary>
    Team,
}

public enum AgendaItemKind
{
    SozialraumRunde,
    Beratung,
    Sonstiges,
}

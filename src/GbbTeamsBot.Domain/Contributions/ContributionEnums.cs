namespace GbbTeamsBot.Domain.Contributions;

/// <summary>Ressourcenkarte areas (method guide §4.1).</summary>
public enum ResourceArea
{
    Personal,
    Social,
    Neighbourhood,
    Material,
    Institutional,
}

/// <summary>Idea levels, in the order "activating before caring" (method guide §2.2).</summary>
public enum IdeaLevel
{
    Person,
    Network,
    Neighbourhood,
    SpecialisedHelp,
    ContributingToOthers,
}

/// <summary>The five life domains ("Handlungsfelder") of the Ampeltorte (method guide §4.2).</summary>
public enum LifeDomain
{
    FinancesAndHousing,
    FamilySocialAndInstitutionalRelations,
    Motivation,
    Health,
    EducationOccupationAndEmployment,
}

/// <summary>Ampeltorte segments; equal on purpose so red does not dominate.</summary>
public enum TrafficLight
{
    Green,
    Yellow,
    Red,
}

/// <summary>Prompts of the Sozialraum-Runde (method guide §3.3).</summary>
public enum NeighbourhoodCategory
{
    News,
    Likes,
    Annoyances,
    KeyPerson,
    Resource,
    NetworkNews,
    ProjectReport,
    Idea,
    Needs,
    Other,
}

using GbbTeamsBot.Cards.ViewModels;
using MethodIds = GbbTeamsBot.Domain.Methods.MethodIds;
using PhaseKeys = GbbTeamsBot.Domain.Methods.PhaseKeys;
using ParticipantRole = GbbTeamsBot.Domain.Methods.ParticipantRole;
using ContributionKind = GbbTeamsBot.Cards.ViewModels.ContributionKind;
using D = GbbTeamsBot.Domain.Contributions;
using DomainKind = GbbTeamsBot.Domain.Methods.ContributionKind;
using GbbTeamsBot.Domain.Agreements;

namespace GbbTeamsBot.Teams.Mapping;

/// <summary>
/// Translates the domain's vocabulary into the card layer's and back. The two are kept apart on purpose (Cards must
/// not reference Domain); this is the one place that knows both.
/// </summary>
public static class CardVocabulary
{
    public static MethodKind Method(string methodId) => methodId switch
    {
        MethodIds.KollegialeBeratung => MethodKind.KollegialeBeratung,
        MethodIds.PartizipativeKollegialeBeratung => MethodKind.PartizipativeKollegialeBeratung,
        MethodIds.Helferkonferenz => MethodKind.Helferkonferenz,
        MethodIds.SozialraumRunde => MethodKind.SozialraumRunde,
        MethodIds.Sozialraumvorhaben => MethodKind.Sozialraumvorhaben,
        MethodIds.Teamsitzung => MethodKind.Teamsitzung,
        _ => throw new ArgumentOutOfRangeException(nameof(methodId), methodId, "Unknown method."),
    };

    public static string MethodId(MethodKind kind) => kind switch
    {
        MethodKind.KollegialeBeratung => MethodIds.KollegialeBeratung,
        MethodKind.PartizipativeKollegialeBeratung => MethodIds.PartizipativeKollegialeBeratung,
        MethodKind.Helferkonferenz => MethodIds.Helferkonferenz,
        MethodKind.SozialraumRunde => MethodIds.SozialraumRunde,
        MethodKind.Sozialraumvorhaben => MethodIds.Sozialraumvorhaben,
        _ => MethodIds.Teamsitzung,
    };

    public static RoleKind Role(ParticipantRole role) => role switch
    {
        ParticipantRole.Moderator => RoleKind.Moderation,
        ParticipantRole.ProtocolKeeper => RoleKind.Protokoll,
        ParticipantRole.CasePresenter => RoleKind.Falleinbringend,
        ParticipantRole.Adviser => RoleKind.Beratend,
        ParticipantRole.PersonConcerned => RoleKind.BetroffenePerson,
        ParticipantRole.ExternalProfessional => RoleKind.Helfersystem,
        ParticipantRole.LifeworldSupporter => RoleKind.Umfeld,
        _ => RoleKind.Teilnehmend,
    };

    /// <summary>The phase's card kind, from the method and the phase key (the card layer has its own names and guidance per kind).</summary>
    public static PhaseKind Phase(string methodId, string phaseKey) => (methodId, phaseKey) switch
    {
        (MethodIds.Teamsitzung, _) => PhaseKind.Tagesordnungspunkt,
        (MethodIds.SozialraumRunde, _) => PhaseKind.SozialraumRunde,
        (MethodIds.PartizipativeKollegialeBeratung, PhaseKeys.Ankommen) => PhaseKind.Einwilligung,
        (MethodIds.PartizipativeKollegialeBeratung, PhaseKeys.Situation) => PhaseKind.Falleingabe,
        (MethodIds.PartizipativeKollegialeBeratung, PhaseKeys.Wille) => PhaseKind.Fragestellung,
        (_, PhaseKeys.Falleingabe) => PhaseKind.Falleingabe,
        (_, PhaseKeys.Eingabe) => PhaseKind.Vorhabeneingabe,
        (_, PhaseKeys.Zukunft or PhaseKeys.Aufmerksamkeitsrichtung) => PhaseKind.Fragestellung,
        (_, PhaseKeys.Ressourcensammlung or PhaseKeys.Ressourcen) => PhaseKind.Ressourcensammlung,
        (_, PhaseKeys.Ideen) => PhaseKind.Ideen,
        (_, PhaseKeys.Vereinbarung or PhaseKeys.Vereinbarungen) => PhaseKind.Vereinbarung,
        (_, PhaseKeys.Eroeffnung) => PhaseKind.Eroeffnung,
        (_, PhaseKeys.SichtDerPerson) => PhaseKind.SichtDerPerson,
        (_, PhaseKeys.Helferrunde) => PhaseKind.Helferrunde,
        (_, PhaseKeys.RessourcenLuecken) => PhaseKind.RessourcenLuecken,
        (_, PhaseKeys.Abschluss) => PhaseKind.Abschluss,
        _ => PhaseKind.Tagesordnungspunkt,
    };

    /// <summary>Phases whose card kind is shared by several phases of a method get the domain's own title.</summary>
    public static bool NeedsOwnTitle(PhaseKind kind) => kind is PhaseKind.Tagesordnungspunkt or PhaseKind.SozialraumRunde;

    public static ContributionKind Contribution(DomainKind kind) => kind switch
    {
        DomainKind.ClarifyingQuestion => ContributionKind.ClarifyingQuestion,
        DomainKind.Resource => ContributionKind.Resource,
        DomainKind.Idea => ContributionKind.Idea,
        DomainKind.AmpelEntry => ContributionKind.Ampeltorte,
        DomainKind.NeighbourhoodEntry => ContributionKind.RoundEntry,
        DomainKind.HelperSystemEntry => ContributionKind.HelperSystem,
        DomainKind.ProjectBrief => ContributionKind.ProjectInput,
        _ => ContributionKind.Note,
    };

    public static ResourceArea Area(D.ResourceArea area) => area switch
    {
        D.ResourceArea.Personal => ResourceArea.Persoenlich,
        D.ResourceArea.Social => ResourceArea.Sozial,
        D.ResourceArea.Neighbourhood => ResourceArea.Sozialraum,
        D.ResourceArea.Material => ResourceArea.Materiell,
        _ => ResourceArea.Institutionell,
    };

    public static D.ResourceArea Area(ResourceArea area) => area switch
    {
        ResourceArea.Persoenlich => D.ResourceArea.Personal,
        ResourceArea.Sozial => D.ResourceArea.Social,
        ResourceArea.Sozialraum => D.ResourceArea.Neighbourhood,
        ResourceArea.Materiell => D.ResourceArea.Material,
        _ => D.ResourceArea.Institutional,
    };

    public static IdeaLevel Level(D.IdeaLevel level) => level switch
    {
        D.IdeaLevel.Person => IdeaLevel.Selbst,
        D.IdeaLevel.Network => IdeaLevel.Umfeld,
        D.IdeaLevel.SpecialisedHelp => IdeaLevel.Fachdienste,
        // The card layer has no level of its own for "contributing to others"; it is a neighbourhood idea.
        _ => IdeaLevel.Sozialraum,
    };

    public static D.IdeaLevel Level(IdeaLevel level) => level switch
    {
        IdeaLevel.Selbst => D.IdeaLevel.Person,
        IdeaLevel.Umfeld => D.IdeaLevel.Network,
        IdeaLevel.Sozialraum => D.IdeaLevel.Neighbourhood,
        _ => D.IdeaLevel.SpecialisedHelp,
    };

    public static LifeDomain Domain(D.LifeDomain domain) => domain switch
    {
        D.LifeDomain.FinancesAndHousing => LifeDomain.FinanzenWohnen,
        D.LifeDomain.FamilySocialAndInstitutionalRelations => LifeDomain.FamilieBeziehungen,
        D.LifeDomain.Motivation => LifeDomain.Motivation,
        D.LifeDomain.Health => LifeDomain.Gesundheit,
        _ => LifeDomain.BildungBeruf,
    };

    public static D.LifeDomain Domain(LifeDomain domain) => domain switch
    {
        LifeDomain.FinanzenWohnen => D.LifeDomain.FinancesAndHousing,
        LifeDomain.FamilieBeziehungen => D.LifeDomain.FamilySocialAndInstitutionalRelations,
        LifeDomain.Motivation => D.LifeDomain.Motivation,
        LifeDomain.Gesundheit => D.LifeDomain.Health,
        _ => D.LifeDomain.EducationOccupationAndEmployment,
    };

    public static TrafficLight Light(D.TrafficLight light) => light switch
    {
        D.TrafficLight.Green => TrafficLight.Green,
        D.TrafficLight.Yellow => TrafficLight.Yellow,
        _ => TrafficLight.Red,
    };

    public static D.TrafficLight Light(TrafficLight light) => light switch
    {
        TrafficLight.Green => D.TrafficLight.Green,
        TrafficLight.Yellow => D.TrafficLight.Yellow,
        _ => D.TrafficLight.Red,
    };

    public static RoundCategory Category(D.NeighbourhoodCategory category) => category switch
    {
        D.NeighbourhoodCategory.News => RoundCategory.Beobachtung,
        D.NeighbourhoodCategory.Likes => RoundCategory.GefaelltMir,
        D.NeighbourhoodCategory.Annoyances => RoundCategory.AergertMich,
        D.NeighbourhoodCategory.KeyPerson => RoundCategory.Schluesselperson,
        D.NeighbourhoodCategory.Resource => RoundCategory.Ressource,
        D.NeighbourhoodCategory.NetworkNews => RoundCategory.Vernetzung,
        D.NeighbourhoodCategory.ProjectReport => RoundCategory.LaufendesVorhaben,
        D.NeighbourhoodCategory.Idea => RoundCategory.Projektidee,
        D.NeighbourhoodCategory.Needs => RoundCategory.Bedarfslage,
        _ => RoundCategory.Weiteres,
    };

    public static D.NeighbourhoodCategory Category(RoundCategory category) => category switch
    {
        RoundCategory.Beobachtung => D.NeighbourhoodCategory.News,
        RoundCategory.GefaelltMir => D.NeighbourhoodCategory.Likes,
        RoundCategory.AergertMich => D.NeighbourhoodCategory.Annoyances,
        RoundCategory.Schluesselperson => D.NeighbourhoodCategory.KeyPerson,
        RoundCategory.Ressource => D.NeighbourhoodCategory.Resource,
        RoundCategory.Vernetzung => D.NeighbourhoodCategory.NetworkNews,
        RoundCategory.LaufendesVorhaben => D.NeighbourhoodCategory.ProjectReport,
        RoundCategory.Projektidee => D.NeighbourhoodCategory.Idea,
        RoundCategory.Bedarfslage => D.NeighbourhoodCategory.Needs,
        _ => D.NeighbourhoodCategory.Other,
    };

    public static ResponsibleParty Party(AgreementOwner? owner) => owner switch
    {
        AgreementOwner.Person => ResponsibleParty.Person,
        AgreementOwner.ThirdParty => ResponsibleParty.Dritte,
        AgreementOwner.Team => ResponsibleParty.Team,
        _ => ResponsibleParty.Jobcenter,
    };

    public static AgreementOwner Owner(ResponsibleParty party) => party switch
    {
        ResponsibleParty.Person => AgreementOwner.Person,
        ResponsibleParty.Dritte => AgreementOwner.ThirdParty,
        ResponsibleParty.Team => AgreementOwner.Team,
        _ => AgreementOwner.JobCentre,
    };
}

namespace GbbTeamsBot.Domain.Methods;

/// <summary>Roles in a session. Each participant holds exactly one role at a time.</summary>
public enum ParticipantRole
{
    /// <summary>Moderation: runs the process and the clock.</summary>
    Moderator,

    /// <summary>Protokoll: keeps the record. Without one, the moderator keeps it.</summary>
    ProtocolKeeper,

    /// <summary>Falleinbringende Fachkraft: brings the case, sets the focus question, chooses ideas for the person.</summary>
    CasePresenter,

    /// <summary>Beratende: the advising colleagues (and, in a team meeting, the team members).</summary>
    Adviser,

    /// <summary>The person concerned (participatory variant, helper conference). Never named in a protocol.</summary>
    PersonConcerned,

    /// <summary>People from the person's lifeworld or the neighbourhood (participatory variant).</summary>
    LifeworldSupporter,

    /// <summary>Professionals of other agencies (helper conference): youth office, family help, school, ...</summary>
    ExternalProfessional,

    /// <summary>Guests and anonymous participants: only what the method allows them.</summary>
    Guest,
}

/// <summary>Contribution types; which phase allows which kind from which role is method data.</summary>
public enum ContributionKind
{
    ClarifyingQuestion,
    Resource,
    Idea,
    AmpelEntry,
    NeighbourhoodEntry,
    HelperSystemEntry,
    Statement,
    ProjectBrief,
}

/// <summary>Phase-bound actions other than contributions.</summary>
public enum PhaseAction
{
    SetFocusQuestion,
    ChooseIdea,
    RecordAgreement,
}

/// <summary>Who confirms the protocol.</summary>
public enum ProtocolConfirmer
{
    /// <summary>The case presenter (collegial consultation, project consultation).</summary>
    CasePresenter,

    /// <summary>The coordinating contact designated in a helper conference (falls back to the case presenter).</summary>
    CoordinatingContact,

    /// <summary>The moderator (rounds and team meetings without a case).</summary>
    Moderator,
}

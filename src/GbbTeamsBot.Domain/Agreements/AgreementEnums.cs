namespace GbbTeamsBot.Domain.Agreements;

/// <summary>Who is responsible for a next step.</summary>
public enum AgreementOwner
{
    /// <summary>The person themself (named only as "die Person").</summary>
    Person,

    /// <summary>A job-centre colleague.</summary>
    JobCentre,

    /// <summary>A third-party agency (name it in the owner detail).</summary>
    ThirdParty,

    /// <summary>The team as a whole (neighbourhood projects).</summary>
    Team,
}

/// <summary>What became of an agreement; set in the team's list, on a reminder or when a later session reviews it.</summary>
public enum AgreementStatus
{
    Open,
    Done,

    /// <summary>Entfällt: no longer needed (or taken back while the session ran).</summary>
    Dropped,

    /// <summary>Teilweise erledigt; still open.</summary>
    PartlyDone,

    /// <summary>Nicht erledigt (with a short reason, facts only); still open.</summary>
    NotDone,

    /// <summary>Übernommen: carried into a later session's agreements, which go on in its place.</summary>
    CarriedOver,
}

/// <summary>Goal levels (method guide §4.3).</summary>
public enum GoalLevel
{
    Leitziel,
    Bereichsziel,
    Handlungsziel,
}

/// <summary>Hints shown for incomplete agreements; they do not block recording.</summary>
public enum AgreementHint
{
    MissingOwner,
    MissingDueDate,
    MissingAgency,
}

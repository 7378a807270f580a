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

public enum AgreementStatus
{
    Open,
    Done,
    Dropped,
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

namespace GbbTeamsBot.Cards.ViewModels;

/// <summary>What became of an agreement, as cards name it (see the Progress_* texts).</summary>
public enum AgreementProgress
{
    Open,
    Done,
    PartlyDone,
    NotDone,
    Dropped,
    CarriedOver,
}

/// <summary>Goal levels of an agreement (method guide §4.3).</summary>
public enum GoalLevelKind
{
    Leitziel,
    Bereichsziel,
    Handlungsziel,
}

/// <summary>One session of a case in its history: when, which method, its Ampeltorte and its protocol.</summary>
public sealed record CaseSessionView(SessionRef Session, MethodKind Method, DateTimeOffset Date, IReadOnlyList<ContributionView> Ampeltorte)
{
    public bool IsCompleted { get; init; }

    /// <summary>The latest confirmed protocol version, 0 when none is confirmed yet.</summary>
    public int ProtocolVersion { get; init; }
}

/// <summary>
/// "fall &lt;Pseudonym&gt;": the case over time. Sessions oldest first, the current Ressourcenkarte (of the latest
/// session with resources) with what is new since the one before, and all agreements with their status.
/// </summary>
public sealed record CaseHistoryView(string CasePseudonym, IReadOnlyList<CaseSessionView> Sessions, IReadOnlyList<AgreementView> Agreements)
{
    public IReadOnlyList<ContributionView> CurrentResources { get; init; } = [];

    /// <summary>Ids of <see cref="CurrentResources"/> that the session before did not have.</summary>
    public IReadOnlySet<string> NewResourceIds { get; init; } = new HashSet<string>();
}

/// <summary>A reminder of one agreement: the pseudonym and the agreement's text only, with "Erledigt" and "Neues Datum".</summary>
public sealed record ReminderView(string TeamKey, string SessionId, string AgreementId, string CasePseudonym, string What, DateOnly Due, bool IsOverdue)
{
    /// <summary>Shown on top after an action (saved as done, new date, or why nothing changed).</summary>
    public string? Notice { get; init; }

    public bool NoticeIsError { get; init; }

    /// <summary>Done (or otherwise closed): no more buttons.</summary>
    public bool IsClosed { get; init; }
}

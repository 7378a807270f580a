namespace GbbTeamsBot.Domain.Sessions;

public enum SessionEventKind
{
    ParticipantJoined,
    RoleAssigned,
    RoleHandedOver,
    ConsentRecorded,
    OptionsChanged,
    PlanChanged,
    Started,
    PhaseChanged,
    PhaseAdjusted,
    TotalExtended,
    Paused,
    Resumed,
    Completed,
    Cancelled,
    ContributionAdded,
    ContributionEdited,
    ContributionWithdrawn,
    ContributionHidden,
    FocusQuestionSet,
    IdeaChosen,
    IdeaUnchosen,
    AgreementRecorded,
    AgreementEdited,
    EarlierAgreementReviewed,
    CoordinatingContactDesignated,
    ProtocolTextUpdated,
    ProtocolConfirmed,
    ProtocolCorrected,

    /// <summary>Deadline: the current phase ends soon.</summary>
    PhaseWarning,

    /// <summary>Deadline: the phase's planned time is up. The moderator should be notified; the phase stays open.</summary>
    PhaseOverdue,

    /// <summary>Deadline: the planned end of the session is near.</summary>
    SessionEndWarning,

    /// <summary>The phase ended and the session moved on by itself (session option <c>AutoAdvance</c>).</summary>
    AutoAdvanced,

    /// <summary>A participant left the session (their entries stay).</summary>
    ParticipantLeft,

    /// <summary>The person withdrew their consent: the session is paused and cannot go on.</summary>
    ConsentWithdrawn,
}

/// <summary>
/// What an accepted command or a fired deadline did, for the application to notify and re-render. Events carry ids
/// and positions only, never text.
/// </summary>
public sealed record SessionEvent(SessionEventKind Kind)
{
    public int? PhaseIndex { get; init; }

    /// <summary>A participant, contribution or agreement id, depending on the kind.</summary>
    public string? SubjectId { get; init; }

    /// <summary>For deadline events: fired later than the tolerance after the due instant.</summary>
    public bool Late { get; init; }

    /// <summary>For deadline events: a later deadline was already due too, so a notification for this one can be skipped.</summary>
    public bool Superseded { get; init; }
}

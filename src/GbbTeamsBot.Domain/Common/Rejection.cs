using GbbTeamsBot.Domain.Privacy;

namespace GbbTeamsBot.Domain.Common;

/// <summary>Why a command was refused. A rejected command never changes the session.</summary>
public enum RejectionCode
{
    InvalidInState,
    StaleVersion,
    UnknownParticipant,
    RoleNotPermitted,
    ActivityNotInPhase,
    NoPreviousPhase,
    InvalidDuration,
    ExceedsTotal,
    TotalOutOfRange,
    InvalidPlan,
    RolesIncomplete,
    ConsentMissing,
    ConsentExpired,
    ConsentInvalid,
    TextMissing,
    TextTooLong,
    PrivacyWarning,
    ContributionNotFound,
    NotAuthor,
    ContributionLocked,
    NotAnIdea,
    AgreementNotFound,
    AlreadyJoined,
    ParticipantNotFound,
    RoleCapacityExceeded,
    RoleNotHeld,
    InvalidHandOver,
    ProtocolAlreadyConfirmed,
    ProtocolNotConfirmed,
    InvalidCaseReference,
    UnknownMethod,
    InvalidAgenda,
    InvalidSetup,
    InvalidRetention,
    SettingsNotPermitted,
    InvalidSetting,
    CaseAlreadyRunning,

    /// <summary>A growth cap of the session (<see cref="Sessions.SessionLimits"/>) or its stored size would be exceeded.</summary>
    LimitReached,

    /// <summary>The person withdrew their consent: the session cannot start or go on, the consent cannot be used again.</summary>
    ConsentWithdrawn,

    /// <summary>The person belongs to another organisation's tenant and cannot join here.</summary>
    OtherTenant,

    /// <summary>Sozialraumwissen: the entry does not exist in this team (or never did).</summary>
    KnowledgeEntryNotFound,

    /// <summary>Sozialraumwissen: the entry was merged into another one and is no longer edited.</summary>
    KnowledgeEntryMerged,

    /// <summary>Sozialraumwissen: an entry cannot be merged into itself or into a merged entry.</summary>
    InvalidKnowledgeMerge,
}

/// <summary>
/// A typed refusal: a stable code for programs, a German and an English message for people, and for
/// <see cref="RejectionCode.PrivacyWarning"/> the findings the user can act on (rephrase, or confirm to keep).
/// </summary>
public sealed record Rejection(RejectionCode Code, Bilingual Message)
{
    public IReadOnlyList<PrivacyFinding> Findings { get; init; } = [];

    public override string ToString() => $"{Code}: {Message.En}";
}

using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Consent;
using GbbTeamsBot.Domain.Contributions;
using GbbTeamsBot.Domain.Deadlines;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Protocol;

namespace GbbTeamsBot.Domain.Sessions;

/// <summary>
/// The complete state of a session as plain, immutable, JSON-serialisable records
/// (see <see cref="SessionSnapshotSerializer"/>). <see cref="ConsultationSession.Restore"/> turns it back into the
/// aggregate. Every accepted command produces a new snapshot with <see cref="Version"/> + 1.
/// </summary>
public sealed record SessionSnapshot
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required string SessionId { get; init; }

    public required string TenantId { get; init; }

    public required string TeamId { get; init; }

    public required string MethodId { get; init; }

    public int MethodRevision { get; init; } = 1;

    /// <summary>Only for team meetings: the agenda the method was built from.</summary>
    public MeetingAgenda? Agenda { get; init; }

    public string? CaseReference { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required string CreatedById { get; init; }

    public SessionStatus Status { get; init; } = SessionStatus.Prepared;

    /// <summary>Incremented by every accepted command and every fired deadline; use it as the concurrency check.</summary>
    public int Version { get; init; }

    /// <summary>Incremented whenever the timing changes; part of every deadline token.</summary>
    public int ScheduleRevision { get; init; }

    public SessionOptions Options { get; init; } = new();

    /// <summary>The team's language when the session was set up; its cards and notices stay in it for everyone.</summary>
    public Common.Language Language { get; init; } = Common.Language.German;

    /// <summary>The team's time zone when the session was set up ("endet um 10:42" on every card and notice).</summary>
    public string TimeZoneId { get; init; } = Teams.TeamSettings.DefaultTimeZoneId;

    /// <summary>The session's total time, including the moderator's extensions.</summary>
    public required TimeSpan Total { get; init; }

    /// <summary>How much of <see cref="Total"/> the moderator added while running.</summary>
    public TimeSpan TotalExtension { get; init; }

    public required IReadOnlyList<PhaseRun> Phases { get; init; }

    /// <summary>-1 before the start.</summary>
    public int CurrentPhaseIndex { get; init; } = -1;

    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>Start of the current running segment of the current phase; null unless running.</summary>
    public DateTimeOffset? RunningSince { get; init; }

    public DateTimeOffset? PausedAt { get; init; }

    public TimeSpan PausedTotal { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public bool EndedEarly { get; init; }

    public bool SessionWarningFired { get; init; }

    public IReadOnlyList<Participant> Participants { get; init; } = [];

    /// <summary>Every join, role change and leave with its time, for the protocol's participant list.</summary>
    public IReadOnlyList<ParticipationChange> ParticipationLog { get; init; } = [];

    public string? CoordinatingContactId { get; init; }

    public ConsentRecord? Consent { get; init; }

    public string? FocusQuestion { get; init; }

    public bool FocusQuestionKeptDespiteWarnings { get; init; }

    public IReadOnlyList<Contribution> Contributions { get; init; } = [];

    public int ContributionCounter { get; init; }

    /// <summary>Agreements made in this session.</summary>
    public IReadOnlyList<Agreement> Agreements { get; init; } = [];

    public int AgreementCounter { get; init; }

    /// <summary>Agreements from earlier sessions of the same case, with their status as reviewed in this session.</summary>
    public IReadOnlyList<Agreement> EarlierAgreements { get; init; } = [];

    public ProtocolTexts ProtocolTexts { get; init; } = new();

    /// <summary>Confirmed protocol versions; never changed once added.</summary>
    public IReadOnlyList<ProtocolDocument> ProtocolVersions { get; init; } = [];

    /// <summary>A correction of the last confirmed version is being prepared and needs confirming.</summary>
    public bool CorrectionPending { get; init; }

    public string? CorrectionReason { get; init; }

    public IReadOnlyList<FiredDeadline> DeadlineLog { get; init; } = [];
}

/// <summary>Per-session settings, chosen while the session is prepared.</summary>
public sealed record SessionOptions
{
    /// <summary>
    /// When a phase's end deadline fires, move on to the next phase automatically. Off by default: the method says
    /// the moderator runs the clock, so the phase is marked overdue and the moderator is notified.
    /// </summary>
    public bool AutoAdvance { get; init; }

    /// <summary>Show advisers' entries without their names.</summary>
    public bool AnonymousAdvisers { get; init; }

    public TimeSpan PhaseWarningLead { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan SessionWarningLead { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>A deadline fired more than this after its due instant is marked late.</summary>
    public TimeSpan LateTolerance { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Time a phase gets at least when the moderator goes back to it (within the total).</summary>
    public TimeSpan ReentryMinimum { get; init; } = TimeSpan.FromMinutes(2);
}

public enum PhaseRunState
{
    NotStarted,
    Active,
    Done,
    Skipped,
}

/// <summary>The timing of one phase in a session: baseline and current plan, actual time, deadline flags.</summary>
public sealed record PhaseRun
{
    public required int Index { get; init; }

    public required string Key { get; init; }

    /// <summary>The plan as set before the start; the remaining phases are never re-planned above it.</summary>
    public required TimeSpan Baseline { get; init; }

    /// <summary>The current plan for the whole phase (time already spent included).</summary>
    public required TimeSpan Planned { get; init; }

    /// <summary>Time spent in this phase, excluding pauses and the current running segment.</summary>
    public TimeSpan Actual { get; init; }

    public PhaseRunState State { get; init; } = PhaseRunState.NotStarted;

    public bool WarningFired { get; init; }

    public bool EndFired { get; init; }

    public bool Overdue { get; init; }
}

public sealed record Participant
{
    public required string Id { get; init; }

    /// <summary>Shown on cards; never put into a protocol for the person or lifeworld supporters.</summary>
    public required string DisplayName { get; init; }

    public required ParticipantRole Role { get; init; }

    /// <summary>From outside the tenant (guest or anonymous video participant).</summary>
    public bool IsExternal { get; init; }

    /// <summary>The agency of an external professional.</summary>
    public string? Organisation { get; init; }

    public required DateTimeOffset JoinedAt { get; init; }
}

/// <summary>What happened to a participant's seat.</summary>
public enum ParticipationChangeKind
{
    Joined,
    RoleChanged,
    Left,
}

/// <summary>One entry of the participation log: who (by id), which role they hold afterwards, when.</summary>
public sealed record ParticipationChange(ParticipationChangeKind Kind, string ParticipantId, ParticipantRole Role, DateTimeOffset At)
{
    /// <summary>The colleague's display name for staff roles; null for guests, agencies, the person and their lifeworld.</summary>
    public string? DisplayName { get; init; }
}

/// <summary>The protocol keeper's texts.</summary>
public sealed record ProtocolTexts
{
    public string? Summary { get; init; }

    public string? NeedsAndObstacles { get; init; }

    public string? Notes { get; init; }
}

public enum ProtocolTextField
{
    Summary,
    NeedsAndObstacles,
    Notes,
}

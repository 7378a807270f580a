using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Methods;

namespace GbbTeamsBot.Domain.Sessions;

/// <summary>What the application passes to create a session. The creator becomes the moderator.</summary>
public sealed record SessionSetup(
    string SessionId,
    string TenantId,
    string TeamId,
    string MethodId,
    string ModeratorId,
    string ModeratorDisplayName)
{
    /// <summary>The case pseudonym; required by case methods, validated by <see cref="Privacy.CaseReference"/>.</summary>
    public string? CaseReference { get; init; }

    /// <summary>Required for <see cref="MethodIds.Teamsitzung"/>.</summary>
    public MeetingAgenda? Agenda { get; init; }

    public SessionOptions? Options { get; init; }

    /// <summary>The team's language at setup (see <see cref="Teams.TeamSettings"/>); the session keeps it.</summary>
    public Common.Language Language { get; init; } = Common.Language.German;

    /// <summary>The team's time zone at setup; every card and notice of the session shows its times in it.</summary>
    public string TimeZoneId { get; init; } = Teams.TeamSettings.DefaultTimeZoneId;

    /// <summary>Agreements of earlier sessions; the open ones for the same case reference are taken over for review.</summary>
    public IReadOnlyList<Agreement> EarlierAgreements { get; init; } = [];
}

/// <summary>The result of a command: accepted (new version, events) or rejected (state unchanged).</summary>
public sealed record CommandResult
{
    private CommandResult(Common.Rejection? rejection, SessionSnapshot state, IReadOnlyList<SessionEvent> events)
    {
        Rejection = rejection;
        State = state;
        Events = events;
    }

    public bool IsAccepted => Rejection is null;

    public Common.Rejection? Rejection { get; }

    /// <summary>The session's state after the command: the new state, or the unchanged one when rejected.</summary>
    public SessionSnapshot State { get; }

    /// <summary>The session's version after the command (unchanged when rejected).</summary>
    public int Version => State.Version;

    public IReadOnlyList<SessionEvent> Events { get; }

    internal static CommandResult Accepted(SessionSnapshot state, IReadOnlyList<SessionEvent> events) => new(null, state, events);

    internal static CommandResult Rejected(Common.Rejection rejection, SessionSnapshot state) => new(rejection, state, []);
}

/// <summary>The result of firing a deadline.</summary>
public sealed record DeadlineFireResult(
    Deadlines.DeadlineFireOutcome Outcome,
    Deadlines.Deadline? Deadline,
    bool Late,
    int Version,
    IReadOnlyList<SessionEvent> Events)
{
    public bool Fired => Outcome == Deadlines.DeadlineFireOutcome.Fired;
}

/// <summary>Planned versus actual time, live at an instant, for the clock card.</summary>
public sealed record TimeBudgetView(
    TimeSpan Total,
    TimeSpan TotalExtension,
    TimeSpan Consumed,
    DateTimeOffset? PlannedEnd,
    IReadOnlyList<PhaseBudgetView> Phases);

public sealed record PhaseBudgetView(int Index, string Key, TimeSpan Baseline, TimeSpan Planned, TimeSpan Actual, TimeSpan Remaining, PhaseRunState State, bool Overdue);

/// <summary>What a participant may do right now; for showing the right buttons. The handlers enforce the same rules.</summary>
public sealed record ParticipantCapabilities
{
    public ParticipantRole? Role { get; init; }

    public bool CanRunClock { get; init; }

    public bool CanAssignRoles { get; init; }

    public IReadOnlyList<ContributionKind> ContributionKinds { get; init; } = [];

    public bool CanSetFocusQuestion { get; init; }

    public bool CanChooseIdeas { get; init; }

    public bool CanRecordAgreements { get; init; }

    public bool CanReviewEarlierAgreements { get; init; }

    public bool CanEditProtocol { get; init; }

    public bool CanConfirmProtocol { get; init; }

    /// <summary>A confirmed protocol may be corrected by whoever keeps or confirms it (a new version, confirmed again).</summary>
    public bool CanCorrectProtocol { get; init; }
}

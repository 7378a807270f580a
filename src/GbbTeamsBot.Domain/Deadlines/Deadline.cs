namespace GbbTeamsBot.Domain.Deadlines;

public enum DeadlineKind
{
    /// <summary>Shortly before the current phase's planned end (default 1 minute).</summary>
    PhaseWarning,

    /// <summary>The current phase's planned end: the phase becomes overdue (or auto-advances, if the session says so).</summary>
    PhaseEnd,

    /// <summary>Shortly before the planned end of the whole session (default 5 minutes).</summary>
    SessionEndWarning,
}

/// <summary>
/// The next thing that must happen at a given instant, as data. The scanner indexes <see cref="DueAt"/> and fires it
/// back through <c>ConsultationSession.FireDeadline</c> with the <see cref="Token"/>; a token that no longer matches
/// the session's next deadline is stale and ignored.
/// </summary>
public sealed record Deadline(string SessionId, DeadlineKind Kind, int PhaseIndex, DateTimeOffset DueAt, string Token);

/// <summary>A deadline that has fired, kept in the session for the record (and so it never fires twice).</summary>
public sealed record FiredDeadline(DeadlineKind Kind, int PhaseIndex, DateTimeOffset DueAt, DateTimeOffset FiredAt, bool Late);

public enum DeadlineFireOutcome
{
    Fired,

    /// <summary>The token does not match the session's next deadline (re-planned, already fired, or not running).</summary>
    IgnoredStale,

    /// <summary>The token matches but the instant has not come yet (the scanner ran early).</summary>
    IgnoredNotDue,
}

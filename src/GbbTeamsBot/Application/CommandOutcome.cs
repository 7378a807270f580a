using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Application;

public enum CommandStatus
{
    /// <summary>Stored; the session advanced to <see cref="CommandOutcome.Version"/>.</summary>
    Accepted,

    /// <summary>The domain refused (see <see cref="CommandOutcome.Rejection"/>); nothing changed.</summary>
    Rejected,

    /// <summary>No session with this id in this team; nothing changed.</summary>
    SessionNotFound,

    /// <summary>Other writers kept winning; nothing changed. The user may simply try again.</summary>
    Conflict,
}

/// <summary>
/// The answer to a command. Accepted outcomes are returned only after the new state was saved. A repeat of an
/// already processed request id returns the first outcome with <see cref="IsDuplicate"/> set and changes nothing.
/// </summary>
public sealed record CommandOutcome
{
    public required CommandStatus Status { get; init; }

    public bool IsAccepted => Status == CommandStatus.Accepted;

    /// <summary>The domain's rejection (code, German and English message, privacy findings) when <see cref="CommandStatus.Rejected"/>.</summary>
    public Rejection? Rejection { get; init; }

    /// <summary>A message for every non-accepted status (German first).</summary>
    public Bilingual? Message { get; init; }

    /// <summary>The session's version after the command (unchanged when not accepted).</summary>
    public int Version { get; init; }

    public IReadOnlyList<SessionEvent> Events { get; init; } = [];

    /// <summary>This request id was processed before; this is the first outcome, replayed.</summary>
    public bool IsDuplicate { get; init; }

    /// <summary>The session as stored now (null when not found): render the card from it.</summary>
    public SessionView? Session { get; init; }

    internal static Bilingual NotFoundMessage { get; } = new(
        "Diese Sitzung gibt es nicht (mehr) in diesem Team.",
        "This session does not exist (any more) in this team.");

    internal static Bilingual ConflictMessage { get; } = new(
        "Gleichzeitig wurde die Sitzung mehrfach geändert. Bitte noch einmal versuchen.",
        "The session was changed several times at once. Please try again.");
}

/// <summary>The answer to creating a session: the stored session, or the domain's rejection (nothing stored).</summary>
public sealed record CreateSessionOutcome
{
    public bool IsCreated => Session is not null;

    public SessionView? Session { get; init; }

    public Rejection? Rejection { get; init; }

    /// <summary>The request id was used before: <see cref="Session"/> is the session created then.</summary>
    public bool IsDuplicate { get; init; }

    /// <summary>Refused because this session of the same case is running (<see cref="CaseRules.RunningSessionFor"/>).</summary>
    public string? RunningSessionId { get; init; }
}

namespace GbbTeamsBot.Domain.Sessions;

/// <summary>
/// Growth caps per session, so a session can never grow into a state that cannot be stored or shown: with every
/// text at its length limit, a full session still fits its table rows (contributions have rows of their own; the
/// snapshot keeps only the latest protocol version). A command that would pass a cap is refused and changes nothing.
/// </summary>
public static class SessionLimits
{
    /// <summary>Entries (questions, resources, ideas, notes…) per session, withdrawn ones included (each has its row).</summary>
    public const int MaxContributions = 300;

    /// <summary>Agreements (next steps) recorded in one session.</summary>
    public const int MaxAgreements = 50;

    /// <summary>People in one session.</summary>
    public const int MaxParticipants = 40;

    /// <summary>Confirmed protocol versions of one session (the first plus corrections).</summary>
    public const int MaxProtocolVersions = 20;
}

namespace GbbTeamsBot.Application;

/// <summary>Configuration section "Engine": timing of the durable deadline scanner and request de-duplication.</summary>
public sealed class EngineOptions
{
    public const string SectionName = "Engine";

    /// <summary>Engine:DeadlineScannerEnabled; off only for hosts that must not fire deadlines (tools, some tests).</summary>
    public bool DeadlineScannerEnabled { get; set; } = true;

    /// <summary>Engine:DeadlineScanInterval, how often the index is read for due deadlines.</summary>
    public TimeSpan DeadlineScanInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Engine:DeadlineClaimAhead, how long before their instant deadlines are claimed and their sessions read, so each
    /// fires on time with a single write. At least the scan interval, so every row is claimed before it is due.
    /// </summary>
    public TimeSpan DeadlineClaimAhead { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Engine:DeadlineKeepAhead: a fired session's next deadline due within this is indexed already claimed by the
    /// instance that fired it (until its instant plus the lease) and fired from the state it stored, without a claim or
    /// a read. If that instance stops, the row comes back to the others once the lease ran out. Zero turns it off.
    /// </summary>
    public TimeSpan DeadlineKeepAhead { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Engine:DeadlineLease, how long a claimed deadline is reserved for this instance.</summary>
    public TimeSpan DeadlineLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Engine:StartupLookback, how far back the first scan after a start looks for deadlines missed while down.</summary>
    public TimeSpan StartupLookback { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Engine:RecoveryWindow, how far back the periodic sweep looks for deadlines whose claimer died.</summary>
    public TimeSpan RecoveryWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Engine:RecoverySweepInterval, how often that wider sweep runs.</summary>
    public TimeSpan RecoverySweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Engine:MaxConcurrentFirings, deadlines fired in parallel by one instance.</summary>
    public int MaxConcurrentFirings { get; set; } = 8;

    /// <summary>Engine:MaxFiringsPerScan, rows one index read takes on (oldest first); with more due the next read follows at once.</summary>
    public int MaxFiringsPerScan { get; set; } = 256;

    /// <summary>Engine:RequestTimeToLive, how long a request id is remembered for double-click protection.</summary>
    public TimeSpan RequestTimeToLive { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Engine:OutboxReplayEnabled; whether this instance replays outbox rows (off only for some tests).</summary>
    public bool OutboxReplayEnabled { get; set; } = true;

    /// <summary>Engine:OutboxReplayInterval, how often due outbox rows are looked for.</summary>
    public TimeSpan OutboxReplayInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Engine:OutboxReplayDelay, how long an outbox row is left to the instance that saved it (it writes the records
    /// right after the save) before the replay takes it on; a failed replay waits this long times the attempts (at most 1 hour).
    /// </summary>
    public TimeSpan OutboxReplayDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Engine:InstanceId, this instance's name in deadline claims; empty picks machine name plus a random suffix.</summary>
    public string? InstanceId { get; set; }
}

namespace GbbTeamsBot.Cards.ViewModels;

/// <summary>Identifies the session state a card was rendered from; sent back with every action.</summary>
public sealed record SessionRef(string SessionId, long ExpectedVersion);

/// <summary>A team or chat member who can be given a role. <paramref name="UserId"/> is the Teams MRI or AAD id.</summary>
public sealed record MemberView(string UserId, string DisplayName);

/// <summary>A person holding a role in a session.</summary>
public sealed record RoleHolderView(RoleKind Role, string DisplayName);

/// <summary>
/// Localised message shown on the result card or as an error line. The texts are Message_{Code} in the
/// resources; <paramref name="Args"/> fill their placeholders.
/// </summary>
public sealed record MessageView(MessageCode Code, params string[] Args)
{
    /// <summary>Confirmations render green, everything else as an error that changed nothing.</summary>
    public bool IsError => Code is not (MessageCode.Saved or MessageCode.SessionStarted or MessageCode.SessionFinished
        or MessageCode.ProtocolConfirmed or MessageCode.AgreementDone);
}

public enum MessageCode
{
    Saved,
    SessionStarted,
    SessionFinished,
    ProtocolConfirmed,
    AgreementDone,
    NotModerator,
    NotAllowedForRole,
    StaleCard,
    DuplicateRequest,
    TextTooLong,
    TextRequired,
    PseudonymRequired,
    PseudonymLooksPersonal,
    RoleMissing,
    RoleTakenTwice,
    DurationOutOfRange,
    ConsentMissing,
    SessionNotFound,
    SessionAlreadyFinished,
    InvalidInput,
    TryAgainLater,
    CaseAlreadyRunning,
}

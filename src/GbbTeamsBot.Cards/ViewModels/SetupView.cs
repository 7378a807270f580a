namespace GbbTeamsBot.Cards.ViewModels;

/// <summary>
/// The setup card: method, case pseudonym, roles and planned duration. <paramref name="Draft"/> is the draft
/// session the command created. Previously entered values are shown again after a validation error.
/// Members: put likely role holders first; very large teams are cut to fit the card (AAD object ids as
/// <see cref="MemberView.UserId"/> keep the card smaller than 29: MRIs).
/// </summary>
public sealed record SetupView(SessionRef Draft, IReadOnlyList<MemberView> Members)
{
    public MethodKind? Method { get; init; }

    public string? CasePseudonym { get; init; }

    public string? ModeratorId { get; init; }

    public string? ProtocolId { get; init; }

    public string? PresenterId { get; init; }

    public IReadOnlyList<string> AdviserIds { get; init; } = [];

    public int? PlannedMinutes { get; init; }

    public int MinMinutes { get; init; } = 10;

    public int MaxMinutes { get; init; } = 180;

    /// <summary>Methods offered; all by default.</summary>
    public IReadOnlyList<MethodKind> Methods { get; init; } = Enum.GetValues<MethodKind>();

    public IReadOnlyList<MessageView> Errors { get; init; } = [];

    /// <summary>Roles the chosen method needs before it can start (besides the moderator); their labels get a "*".</summary>
    public IReadOnlyList<RoleKind> RequiredRoles { get; init; } = [];

    /// <summary>Sessions already running in this team or chat, so nobody starts a second one for the same case unawares.</summary>
    public IReadOnlyList<RunningSessionHint> RunningHere { get; init; } = [];
}

/// <summary>A running session the setup card points to, with a button that opens it.</summary>
public sealed record RunningSessionHint(SessionRef Session, string CasePseudonym);

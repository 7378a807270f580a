using GbbTeamsBot.Domain.Deadlines;
using GbbTeamsBot.Domain.Methods;
using GbbTeamsBot.Domain.Protocol;
using GbbTeamsBot.Domain.Sessions;

namespace GbbTeamsBot.Application;

/// <summary>
/// A stored session, read-only, for rendering: the immutable state plus the domain's derived views (what a
/// participant may do, the live time budget, the protocol). Changes go through <see cref="SessionService"/> only.
/// </summary>
public sealed class SessionView
{
    private readonly ConsultationSession _session;

    internal SessionView(SessionAddress address, SessionSnapshot state, string? conversationId, LiveCardLocation? liveCard)
    {
        Address = address;
        _session = ConsultationSession.Restore(state);
        ConversationId = conversationId;
        LiveCard = liveCard;
    }

    public SessionAddress Address { get; }

    /// <summary>The complete state as stored (immutable).</summary>
    public SessionSnapshot State => _session.Snapshot();

    public MethodDefinition Method => _session.Method;

    /// <summary>Send this back as expectedVersion with the next command from a card showing this state.</summary>
    public int Version => _session.Version;

    public SessionStatus Status => _session.Status;

    /// <summary>The conversation the session was started in (channel thread or chat).</summary>
    public string? ConversationId { get; }

    /// <summary>The shared live card, once the Teams layer has posted it and called SetLiveCardAsync.</summary>
    public LiveCardLocation? LiveCard { get; }

    public Deadline? NextDeadline => _session.NextDeadline();

    public ParticipantCapabilities CapabilitiesOf(string participantId) => _session.CapabilitiesOf(participantId);

    /// <summary>Whether a holder of the role may leave without handing it over (the domain's rule).</summary>
    public bool MayLeave(Domain.Methods.ParticipantRole role) => _session.MayLeave(role);

    /// <summary>Who must confirm the protocol (see <see cref="ConsultationSession.ProtocolConfirmers"/>).</summary>
    public IReadOnlyList<Participant> ProtocolConfirmers => _session.ProtocolConfirmers();

    public TimeBudgetView TimeBudget(DateTimeOffset now) => _session.GetTimeBudget(now);

    /// <summary>The latest confirmed protocol, or the current draft.</summary>
    public ProtocolDocument CurrentProtocol() => _session.CurrentProtocol();
}

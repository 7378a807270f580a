using System.Collections.Concurrent;
using GbbTeamsBot.Application;
using GbbTeamsBot.BotFramework.Connector;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Teams.Mapping;

namespace GbbTeamsBot.Teams.Notifications;

/// <summary>
/// Replaces the shared card of a session (PUT to the card's activity) with the state as stored, rendered for no
/// particular viewer; Teams then refreshes it per user for up to 60 participants. Called after stored changes only
/// (entries, phase changes, fired deadlines): no timer re-renders it, so nobody loses what they are typing.
/// </summary>
public sealed partial class SharedCardUpdater(
    ConnectorClientFactory connectors,
    TimeProvider time,
    ILogger<SharedCardUpdater> logger)
{
    private readonly ConcurrentDictionary<SessionAddress, int> _sentVersions = new();
    private readonly Lock _order = new();

    public async Task<bool> UpdateAsync(SessionView session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.LiveCard is not { } location)
        {
            return false;
        }

        var connector = await connectors.ForConversationAsync(location.ConversationId, cancellationToken);
        if (connector is null)
        {
            LogUnknownConversation(session.Address.SessionId);
            return false;
        }

        // The session's language and time zone (SessionScreens.Render applies them).
        var context = new Cards.CardContext { Now = time.GetUtcNow() };
        var card = SessionScreens.Render(session, view: null, viewerId: null, context);
        var update = Activity.CreateCard(card.ToJson(), card.FallbackText);

        // Notifications of concurrent changes can arrive out of order: never replace a newer state with an older one.
        // The connector queues the update synchronously (only the newest queued state is sent), so the check and the
        // hand-over happen under one lock.
        Task sent;
        lock (_order)
        {
            if (_sentVersions.TryGetValue(session.Address, out var newest) && newest > session.Version)
            {
                return false;
            }

            _sentVersions[session.Address] = session.Version;
            sent = connector.UpdateActivityAsync(location.ConversationId, location.ActivityId, update, cancellationToken);
        }

        await sent;
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: no conversation reference for its live card; shared card not updated")]
    private partial void LogUnknownConversation(string sessionId);
}

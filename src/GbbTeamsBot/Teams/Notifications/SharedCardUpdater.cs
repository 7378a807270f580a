using System.Collections.Concurrent;
using GbbTeamsBot.Application;
using GbbTeamsBot.BotFramework.Connector;
using GbbTeamsBot.BotFramework.Schema;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Teams.Mapping;

namespace GbbTeamsBot.Teams.Notifications;

/// <summary>
/// Replaces the shared card of a session (PUT to the card's activity) with the state as stored, rendered for no
/// particular viewer; Teams then refreshes it per user for up to 60 participants. Remembers running sessions so the
/// ticker can keep their clocks current.
/// </summary>
public sealed partial class SharedCardUpdater(
    ConnectorClientFactory connectors,
    ConversationPreferences preferences,
    TimeProvider time,
    ILogger<SharedCardUpdater> logger)
{
    private readonly ConcurrentDictionary<SessionAddress, DateTimeOffset> _running = new();
    private readonly ConcurrentDictionary<SessionAddress, int> _sentVersions = new();
    private readonly Lock _order = new();

    /// <summary>Sessions whose shared card shows a running clock.</summary>
    public IReadOnlyCollection<SessionAddress> RunningSessions => _running.Keys.ToArray();

    public async Task<bool> UpdateAsync(SessionView session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Status is SessionStatus.Running or SessionStatus.Paused)
        {
            _running[session.Address] = time.GetUtcNow();
        }
        else
        {
            _running.TryRemove(session.Address, out _);
        }

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

        var (language, zone, _) = preferences.For(location.ConversationId, session.Address.SessionId);
        var context = new Cards.CardContext { Language = language, TimeZoneId = zone, Now = time.GetUtcNow() };
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

    public void Forget(SessionAddress address) => _running.TryRemove(address, out _);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: no conversation reference for its live card; shared card not updated")]
    private partial void LogUnknownConversation(string sessionId);
}

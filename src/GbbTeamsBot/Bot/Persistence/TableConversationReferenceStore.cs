using System.Collections.Concurrent;
using GbbTeamsBot.BotFramework.Conversations;
using GbbTeamsBot.Storage.Repositories;

namespace GbbTeamsBot.Bot.Persistence;

/// <summary>
/// Conversation references in Table storage, so proactive messages (deadline warnings, live card updates) still reach
/// their conversation after a restart or on another instance. Lookups come by conversation id alone (Teams ids are
/// globally unique), so all references share one routing partition; a process cache keeps reads and unchanged
/// writes off the table, because every inbound activity saves its reference.
/// </summary>
public sealed partial class TableConversationReferenceStore(
    ConversationReferenceRepository repository,
    TimeProvider time,
    ILogger<TableConversationReferenceStore> logger) : IConversationReferenceStore
{
    /// <summary>The routing partition; not a team's partition, so no team data can ever be read through it.</summary>
    public static readonly TeamScope RoutingScope = new("bot", "conversation-references");

    private readonly ConcurrentDictionary<string, ConversationReference> _cache = new(StringComparer.Ordinal);

    public async Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (_cache.TryGetValue(reference.ConversationId, out var known) && known == reference)
        {
            return;
        }

        await repository.SaveAsync(RoutingScope, ToRecord(reference), cancellationToken);
        _cache[reference.ConversationId] = reference;
    }

    public async Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(conversationId, out var cached))
        {
            return cached;
        }

        var record = await repository.GetAsync(RoutingScope, conversationId, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var reference = FromRecord(record);
        _cache[conversationId] = reference;
        LogRestored();
        return reference;
    }

    public async Task RemoveAsync(string conversationId, CancellationToken cancellationToken)
    {
        _cache.TryRemove(conversationId, out _);
        await repository.DeleteAsync(RoutingScope, conversationId, cancellationToken);
    }

    private ConversationReferenceRecord ToRecord(ConversationReference r) => new(
        r.ConversationId, r.ServiceUrl, r.BotId, r.BotName, r.ChannelThreadId, r.ConversationType, time.GetUtcNow(),
        r.TenantId, r.TeamId, r.ChannelId, r.LearnedFromAuthenticatedActivity);

    private static ConversationReference FromRecord(ConversationReferenceRecord r) => new(
        r.ConversationId, r.ServiceUrl, r.BotChannel, r.TenantId, r.TeamId, r.ChannelId, r.ConversationType, r.BotId, r.BotName,
        r.LearnedFromAuthenticatedActivity);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Conversation reference restored from Table storage")]
    private partial void LogRestored();
}

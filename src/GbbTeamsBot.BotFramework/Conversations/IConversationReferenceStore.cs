using System.Collections.Concurrent;

namespace GbbTeamsBot.BotFramework.Conversations;

/// <summary>
/// Persists conversation references so proactive messages work after a restart. Only the inbound pipeline and
/// the connector (for conversations it created) write to it; that is what keeps tokens away from foreign hosts.
/// </summary>
public interface IConversationReferenceStore
{
    Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken);

    Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken);

    Task RemoveAsync(string conversationId, CancellationToken cancellationToken);
}

/// <summary>Process-local store for development and tests; the production store is Table-backed.</summary>
public sealed class InMemoryConversationReferenceStore : IConversationReferenceStore
{
    private readonly ConcurrentDictionary<string, ConversationReference> _references = new(StringComparer.Ordinal);

    public Task SaveAsync(ConversationReference reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        _references[reference.ConversationId] = reference;
        return Task.CompletedTask;
    }

    public Task<ConversationReference?> GetAsync(string conversationId, CancellationToken cancellationToken) =>
        Task.FromResult(_references.TryGetValue(conversationId, out var reference) ? reference : null);

    public Task RemoveAsync(string conversationId, CancellationToken cancellationToken)
    {
        _references.TryRemove(conversationId, out _);
        return Task.CompletedTask;
    }

    /// <summary>Snapshot, e.g. to carry references over a simulated restart in tests.</summary>
    public IReadOnlyCollection<ConversationReference> All => _references.Values.ToArray();
}

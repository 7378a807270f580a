using GbbTeamsBot.BotFramework.Conversations;

namespace GbbTeamsBot.BotFramework.Connector;

/// <summary>
/// The only way to get a connector client. Service URLs come from stored conversation references (learned from
/// authenticated activities), never from a caller, so the bot's token cannot be sent to a host an attacker names.
/// </summary>
public sealed class ConnectorClientFactory
{
    private readonly ConnectorTransport _transport;
    private readonly CardUpdateCoalescer _coalescer;
    private readonly IConversationReferenceStore _references;
    private readonly BotAuthenticationMode _mode;
    private readonly ServiceUrlPolicy _serviceUrls;

    public ConnectorClientFactory(ConnectorTransport transport, CardUpdateCoalescer coalescer, IConversationReferenceStore references, BotAuthenticationMode mode, ServiceUrlPolicy serviceUrls)
    {
        _serviceUrls = serviceUrls;
        _transport = transport;
        _coalescer = coalescer;
        _references = references;
        _mode = mode;
    }

    /// <summary>Client for a stored conversation (proactive messages, also after a restart); null when the conversation is unknown.</summary>
    public async Task<IConnectorClient?> ForConversationAsync(string conversationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        var reference = await _references.GetAsync(conversationId, cancellationToken);
        var thread = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        if (reference is null && thread > 0)
        {
            // A reply chain in a channel is reached through the channel's service URL.
            reference = await _references.GetAsync(conversationId[..thread], cancellationToken) is { } channel
                ? channel with { ConversationId = conversationId }
                : null;
        }

        return reference is null ? null : ForTrustedReference(reference);
    }

    /// <summary>
    /// Client for a reference that came from this process's inbound pipeline or the store. References learned in
    /// unauthenticated local mode are refused once the bot runs with authentication, so no token goes to them.
    /// </summary>
    internal IConnectorClient ForTrustedReference(ConversationReference reference)
    {
        if (_mode != BotAuthenticationMode.Unauthenticated && !reference.LearnedFromAuthenticatedActivity)
        {
            throw new InvalidOperationException("This conversation reference was not learned from an authenticated activity.");
        }

        if (!_serviceUrls.Allows(reference.ServiceUrl))
        {
            throw new InvalidOperationException("This conversation reference's service URL is not an allowed Bot Service address.");
        }

        return new ConnectorClient(reference, _transport, _coalescer, _references);
    }
}

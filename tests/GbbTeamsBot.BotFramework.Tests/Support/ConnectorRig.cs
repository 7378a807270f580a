using GbbTeamsBot.BotFramework.Connector;
using GbbTeamsBot.BotFramework.Conversations;
using GbbTeamsBot.TestServers;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbbTeamsBot.BotFramework.Tests.Support;

/// <summary>The outbound stack wired as in production, pointed at a fake connector on loopback.</summary>
public sealed class ConnectorRig : IAsyncDisposable
{
    public const string ConversationId = "19:abc@thread.tacv2;messageid=1712345678901";

    private readonly HttpClient _http = new();

    private ConnectorRig(FakeConnector connector, TimeProvider time, ConnectorOptions options, IBotTokenProvider? tokens, BotAuthenticationMode mode)
    {
        Connector = connector;
        Credential = new TestTokenCredential();
        Tokens = tokens ?? new AzureIdentityBotTokenProvider(Credential, time);
        Limiter = new ThreadSendLimiter(time);
        Transport = new ConnectorTransport(_http, Tokens, Limiter, options, time, NullLogger<ConnectorTransport>.Instance);
        Factory = new ConnectorClientFactory(Transport, new CardUpdateCoalescer(), Store, mode, new ServiceUrlPolicy([], isDevelopment: true));
        Reference = new ConversationReference(ConversationId, connector.ServiceUrl, "msteams", "tenant-1", "19:team@thread.tacv2", "19:abc@thread.tacv2", "channel", "28:bot", "GBB Bot", LearnedFromAuthenticatedActivity: true);
    }

    public FakeConnector Connector { get; }
    public TestTokenCredential Credential { get; }
    public IBotTokenProvider Tokens { get; }
    public ThreadSendLimiter Limiter { get; }
    public ConnectorTransport Transport { get; }
    public InMemoryConversationReferenceStore Store { get; } = new();
    public ConnectorClientFactory Factory { get; }
    public ConversationReference Reference { get; }

    public static async Task<ConnectorRig> StartAsync(
        TimeProvider? time = null,
        ConnectorOptions? options = null,
        IBotTokenProvider? tokens = null,
        BotAuthenticationMode mode = BotAuthenticationMode.Authenticated)
    {
        time ??= TimeProvider.System;
        var connector = await FakeConnector.StartAsync(time);
        options ??= new ConnectorOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(50), MaxRetryDelay = TimeSpan.FromMilliseconds(500) };
        return new ConnectorRig(connector, time, options, tokens, mode);
    }

    /// <summary>A client obtained the way production code gets one: from the stored reference.</summary>
    public async Task<IConnectorClient> ClientAsync()
    {
        await Store.SaveAsync(Reference, CancellationToken.None);
        return (await Factory.ForConversationAsync(ConversationId, CancellationToken.None))!;
    }

    public async ValueTask DisposeAsync()
    {
        await Connector.DisposeAsync();
        _http.Dispose();
    }
}

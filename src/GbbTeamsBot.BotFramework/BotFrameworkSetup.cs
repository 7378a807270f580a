using Azure.Core;
using GbbTeamsBot.BotFramework.Connector;
using GbbTeamsBot.BotFramework.Conversations;
using GbbTeamsBot.BotFramework.Inbound;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.BotFramework;

/// <summary>
/// Registers the channel layer. The host adds its <see cref="IActivityHandler"/>; the Table-backed
/// <see cref="IConversationReferenceStore"/> and <see cref="IActivityDeduplicator"/> replace the in-memory ones when registered first.
/// </summary>
public static class BotFrameworkSetup
{
    public const string MetadataHttpClient = "GbbTeamsBot.BotFramework.Metadata";
    public const string ConnectorHttpClient = "GbbTeamsBot.BotFramework.Connector";

    public static IServiceCollection AddBotFramework(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BotOptions>().Bind(configuration.GetSection(BotOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotOptions>, BotOptionsValidator>(
            sp => new BotOptionsValidator(sp.GetRequiredService<IHostEnvironment>().EnvironmentName)));
        services.TryAddSingleton(sp => new ServiceUrlPolicy(
            sp.GetRequiredService<IOptions<BotOptions>>().Value.Connector.AllowedServiceUrlHosts,
            sp.GetRequiredService<IHostEnvironment>().IsDevelopment()));
        services.TryAddSingleton(TimeProvider.System);

        // Both clients live as long as the app; pooled connections are recycled so DNS changes are picked up.
        services.AddHttpClient(MetadataHttpClient, c => c.Timeout = TimeSpan.FromSeconds(10))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddHttpClient(ConnectorHttpClient, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxConnectionsPerServer = 64 })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);

        services.TryAddSingleton<IConversationReferenceStore, InMemoryConversationReferenceStore>();
        services.TryAddSingleton<IActivityDeduplicator>(sp => new InMemoryActivityDeduplicator(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<BotOptions>>().Value.Inbound.ActivityRetention,
            lease: sp.GetRequiredService<IOptions<BotOptions>>().Value.Inbound.ActivityLease));
        services.TryAddSingleton<TokenCredential>(sp => AzureIdentityBotTokenProvider.CreateCredential(sp.GetRequiredService<IOptions<BotOptions>>().Value));
        services.TryAddSingleton<IBotTokenProvider>(sp => sp.GetRequiredService<IOptions<BotOptions>>().Value.Mode == BotAuthenticationMode.Authenticated
            ? new AzureIdentityBotTokenProvider(sp.GetRequiredService<TokenCredential>(), sp.GetRequiredService<TimeProvider>())
            : new NoBotTokenProvider());

        services.TryAddSingleton(sp => new ThreadSendLimiter(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<CardUpdateCoalescer>();
        services.TryAddSingleton(sp => new ConnectorTransport(
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(ConnectorHttpClient),
            sp.GetRequiredService<IBotTokenProvider>(),
            sp.GetRequiredService<ThreadSendLimiter>(),
            sp.GetRequiredService<IOptions<BotOptions>>().Value.Connector,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<ConnectorTransport>>()));
        services.TryAddSingleton(sp => new ConnectorClientFactory(
            sp.GetRequiredService<ConnectorTransport>(),
            sp.GetRequiredService<CardUpdateCoalescer>(),
            sp.GetRequiredService<IConversationReferenceStore>(),
            sp.GetRequiredService<IOptions<BotOptions>>().Value.Mode,
            sp.GetRequiredService<ServiceUrlPolicy>()));

        services.TryAddSingleton<InboundAuthenticator>();
        services.TryAddSingleton(sp => new InboundFailureLimiter(sp.GetRequiredService<IOptions<BotOptions>>().Value.Inbound));
        services.TryAddSingleton<TurnQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<TurnQueue>());
        services.TryAddSingleton<BotRequestProcessor>();
        return services;
    }
}

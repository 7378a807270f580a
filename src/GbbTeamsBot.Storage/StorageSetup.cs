using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using GbbTeamsBot.Storage.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Storage;

/// <summary>
/// Registers the Table clients, the repositories, the readiness probe, background table creation and the purge of
/// expired idempotency rows. Configuration keys: Storage:ConnectionString, or Storage:TableEndpoint (+ optional
/// Storage:ManagedIdentityClientId); optional Storage:TablePrefix, Storage:ReadinessTimeout, Storage:PurgeInterval and
/// Storage:PurgeBatchSize. Options are validated at start-up.
/// </summary>
public static class StorageSetup
{
    public static IServiceCollection AddGbbStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => CreateClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value, DefaultClientOptions()));
        services.TryAddSingleton(sp => new StorageTables(sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix));
        services.TryAddSingleton<IStorageReadiness>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new TableStorageReadiness(CreateClient(options, ProbeClientOptions(options.ReadinessTimeout)), sp.GetRequiredService<ILogger<TableStorageReadiness>>());
        });

        services.TryAddSingleton<SessionRepository>();
        services.TryAddSingleton<AgreementRepository>();
        services.TryAddSingleton<ProtocolRepository>();
        services.TryAddSingleton<ConsentRepository>();
        services.TryAddSingleton<ConversationReferenceRepository>();
        services.TryAddSingleton<DeadlineIndexRepository>();
        services.TryAddSingleton<IdempotencyRepository>();
        services.TryAddSingleton<TeamSettingsRepository>();
        services.TryAddSingleton<GraphWorkRepository>();
        services.TryAddSingleton<ActivityClaimRepository>();
        services.TryAddSingleton<StorageRetention>();
        services.TryAddSingleton<DeletionLogRepository>();
        services.TryAddSingleton<KnowledgeRepository>();
        services.AddHostedService<StorageInitializer>();
        services.AddHostedService<IdempotencyPurgeService>();
        return services;
    }

    /// <summary>
    /// The SDK's retry policy for the product's calls: connection failures, 408, 429, 500, 502, 503 and 504 are retried
    /// with exponential backoff (6 retries, 0.4 s rising to 10 s; about half a minute in all), 30 s per attempt.
    /// </summary>
    public static TableClientOptions DefaultClientOptions()
    {
        var options = new TableClientOptions();
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = 6;
        options.Retry.Delay = TimeSpan.FromMilliseconds(400);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(10);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        options.Diagnostics.IsLoggingContentEnabled = false;
        options.Diagnostics.ApplicationId = "GbbTeamsBot";
        return options;
    }

    /// <summary>Options for the readiness probe: no retries and <paramref name="timeout"/> per call, so /readyz answers fast.</summary>
    public static TableClientOptions ProbeClientOptions(TimeSpan timeout)
    {
        var options = DefaultClientOptions();
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = timeout;
        return options;
    }

    /// <summary>
    /// A client for the configured account: the connection string (account key, or UseDevelopmentStorage=true for
    /// Azurite) if set, else the https TableEndpoint with Entra ID (the user-assigned identity if its client id is set,
    /// else DefaultAzureCredential).
    /// </summary>
    public static TableServiceClient CreateClient(StorageOptions options, TableClientOptions clientOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new TableServiceClient(options.ConnectionString, clientOptions);
        }

        if (!Uri.TryCreate(options.TableEndpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException("Set Storage:ConnectionString, or Storage:TableEndpoint to an absolute https address.");
        }

        TokenCredential credential = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
        return new TableServiceClient(endpoint, credential, clientOptions);
    }
}

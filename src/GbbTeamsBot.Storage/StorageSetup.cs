using Azure.Core;
using Azure.Identity;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Storage;

/// <summary>
/// Registers the Table client, the repositories, the readiness probe and background table creation.
/// Configuration keys: Storage:ConnectionString, or Storage:TableEndpoint (+ optional Storage:ManagedIdentityClientId);
/// optional Storage:TablePrefix and Storage:ReadinessTimeout. Options are validated at start-up.
/// </summary>
public static class StorageSetup
{
    public static IServiceCollection AddGbbStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton(sp => CreateClient(sp.GetRequiredService<IOptions<StorageOptions>>().Value, new TableClientOptions()));
        services.TryAddSingleton(sp => new StorageTables(sp.GetRequiredService<TableServiceClient>(), sp.GetRequiredService<IOptions<StorageOptions>>().Value.TablePrefix));
        services.TryAddSingleton<IStorageReadiness>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new TableStorageReadiness(CreateClient(options, TableClientOptions.ForProbe(options.ReadinessTimeout)), sp.GetRequiredService<ILogger<TableStorageReadiness>>());
        });

        services.TryAddSingleton<SessionRepository>();
        services.TryAddSingleton<AgreementRepository>();
        services.TryAddSingleton<ProtocolRepository>();
        services.TryAddSingleton<ConsentRepository>();
        services.TryAddSingleton<ConversationReferenceRepository>();
        services.TryAddSingleton<DeadlineIndexRepository>();
        services.TryAddSingleton<IdempotencyRepository>();
        services.TryAddSingleton<StorageRetention>();
        services.AddHostedService<StorageInitializer>();
        return services;
    }

    /// <summary>A client for the configured account: account key if a connection string is set, else Entra ID.</summary>
    public static TableServiceClient CreateClient(StorageOptions options, TableClientOptions clientOptions)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new TableServiceClient(TableConnectionString.Parse(options.ConnectionString), clientOptions);
        }

        if (string.IsNullOrWhiteSpace(options.TableEndpoint))
        {
            throw new InvalidOperationException("Set Storage:ConnectionString or Storage:TableEndpoint.");
        }

        TokenCredential credential = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
        return new TableServiceClient(new Uri(options.TableEndpoint), credential, clientOptions);
    }
}

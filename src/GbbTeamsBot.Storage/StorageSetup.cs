using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GbbTeamsBot.Storage;

/// <summary>Registers the Table client and repositories. Configuration key: Storage:ConnectionString.</summary>
public static class StorageSetup
{
    public static IServiceCollection AddGbbStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Filled by the storage layer: client, repositories, readiness probe.
        return services;
    }
}

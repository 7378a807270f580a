using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Graph;

namespace GbbTeamsBot.Graph;

/// <summary>
/// Registers the Graph options (validated at start-up), the client and the three ports. The credential is Graph's own
/// when Graph:Credential:Type is set, otherwise the process's <see cref="TokenCredential"/> (the bot's identity).
/// </summary>
public static class GraphSetup
{
    public static IServiceCollection AddGbbGraph(this IServiceCollection services, IConfiguration configuration, string environmentName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GraphOptions>().Bind(configuration.GetSection(GraphOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>>(new GraphOptionsValidator(environmentName)));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            // With Graph off its credential settings are not validated, so they are not used either (no call is made).
            var credential = (options.Enabled ? CreateCredential(options) : null) ?? sp.GetRequiredService<TokenCredential>();
            return GbbGraphClientFactory.Create(options, credential, sp.GetRequiredService<TimeProvider>());
        });
        services.TryAddSingleton<IMeetingCalendar>(sp => new GraphMeetingCalendar(sp.GetRequiredService<GraphServiceClient>()));
        services.TryAddSingleton<ITaskBoard>(sp => new GraphTaskBoard(sp.GetRequiredService<GraphServiceClient>()));
        services.TryAddSingleton<IChannelFiles>(sp => new GraphChannelFiles(sp.GetRequiredService<GraphServiceClient>()));
        return services;
    }

    /// <summary>Graph's own credential, or null to use the bot's.</summary>
    public static TokenCredential? CreateCredential(GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var type = options.Credential.Type;
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        return type.ToUpperInvariant() switch
        {
            "CLIENTSECRET" => new ClientSecretCredential(options.TenantId, options.ClientId, options.Credential.ClientSecret),
            "CERTIFICATE" => new ClientCertificateCredential(options.TenantId, options.ClientId, options.Credential.CertificatePath),
            "MANAGEDIDENTITY" => string.IsNullOrWhiteSpace(options.ClientId)
                ? new ManagedIdentityCredential(ManagedIdentityId.SystemAssigned)
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId)),
            _ => new DefaultAzureCredential(),
        };
    }
}

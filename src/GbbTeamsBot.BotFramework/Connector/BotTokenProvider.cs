using Azure.Core;
using Azure.Identity;

namespace GbbTeamsBot.BotFramework.Connector;

/// <summary>Supplies the bearer token for Connector calls; null means "send no Authorization header" (local Playground mode).</summary>
public interface IBotTokenProvider
{
    ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken);
}

/// <summary>Unauthenticated local mode: the Playground's connector needs no token, so none is sent.</summary>
public sealed class NoBotTokenProvider : IBotTokenProvider
{
    public ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);
}

/// <summary>
/// Tokens for scope https://api.botframework.com/.default from an Azure.Identity credential, cached until five
/// minutes before they expire so a burst of sends costs one token request.
/// </summary>
public sealed class AzureIdentityBotTokenProvider : IBotTokenProvider, IDisposable
{
    public const string Scope = "https://api.botframework.com/.default";
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly TokenCredential _credential;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private AccessToken? _cached;

    public AzureIdentityBotTokenProvider(TokenCredential credential, TimeProvider time)
    {
        _credential = credential;
        _time = time;
    }

    public async ValueTask<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (Fresh(_cached) is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(_cached) is { } again)
            {
                return again;
            }

            var acquired = await _credential.GetTokenAsync(new TokenRequestContext([Scope]), cancellationToken);
            _cached = acquired;
            return acquired.Token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private string? Fresh(AccessToken? token) =>
        token is { } t && t.ExpiresOn - RefreshMargin > _time.GetUtcNow() ? t.Token : null;

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// Builds the credential named by Bot:Credential:Type (empty, which start-up validation allows only in Development,
    /// means Default). Secrets come from configuration providers outside the repo.
    /// </summary>
    public static TokenCredential CreateCredential(BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tenant = string.IsNullOrWhiteSpace(options.TenantId) ? "botframework.com" : options.TenantId;
        return options.Credential.Type.ToUpperInvariant() switch
        {
            "CLIENTSECRET" => new ClientSecretCredential(tenant, options.AppId, options.Credential.ClientSecret),
            "CERTIFICATE" => new ClientCertificateCredential(tenant, options.AppId, options.Credential.CertificatePath),
            "MANAGEDIDENTITY" => new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.AppId)),
            _ => new DefaultAzureCredential(new DefaultAzureCredentialOptions
            {
                ManagedIdentityClientId = options.AppId,
                TenantId = string.IsNullOrWhiteSpace(options.TenantId) ? null : options.TenantId,
            }),
        };
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.BotFramework;

/// <summary>
/// Configuration section "Bot". Keys are fixed: Bot:AppId, Bot:TenantId, Bot:AllowUnauthenticated,
/// Bot:Auth:BotFrameworkMetadataUrl, Bot:Auth:EntraMetadataUrl. Secrets never live here in the repo: outbound
/// credentials come from Azure.Identity (environment, managed identity, user secrets for Bot:Credential:ClientSecret).
/// </summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>The bot's Microsoft App ID (client ID of the app registration or managed identity). Empty: requests are refused.</summary>
    public string AppId { get; set; } = string.Empty;

    /// <summary>The bot's own tenant for single-tenant bots; its Entra tokens are accepted too.</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>Local Playground mode: no inbound token check and no outbound token. Development only.</summary>
    public bool AllowUnauthenticated { get; set; }

    public BotAuthOptions Auth { get; set; } = new();

    public BotCredentialOptions Credential { get; set; } = new();

    public ConnectorOptions Connector { get; set; } = new();

    public InboundLimitOptions Inbound { get; set; } = new();

    /// <summary>Time an invoke may take before the endpoint answers with the handler's pending response.</summary>
    public TimeSpan InvokeBudget { get; set; } = TimeSpan.FromSeconds(5);

    public BotAuthenticationMode Mode => AllowUnauthenticated
        ? BotAuthenticationMode.Unauthenticated
        : string.IsNullOrWhiteSpace(AppId) ? BotAuthenticationMode.RefuseAll : BotAuthenticationMode.Authenticated;
}

public enum BotAuthenticationMode
{
    /// <summary>Every request needs a valid token for <see cref="BotOptions.AppId"/>.</summary>
    Authenticated,

    /// <summary>No app id and no unauthenticated mode: nothing can be trusted, so every request is refused.</summary>
    RefuseAll,

    /// <summary>Local development with the Agents Playground.</summary>
    Unauthenticated,
}

public sealed class BotAuthOptions
{
    public const string DefaultBotFrameworkMetadataUrl = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public const string DefaultEntraMetadataUrl = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    public string BotFrameworkMetadataUrl { get; set; } = DefaultBotFrameworkMetadataUrl;

    public string EntraMetadataUrl { get; set; } = DefaultEntraMetadataUrl;

    /// <summary>Keys are fetched again after this time even when every key id is known (the protocol asks for at least daily).</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>An unknown key id triggers a refetch at most this often, so forged key ids cannot hammer the metadata host.</summary>
    public TimeSpan UnknownKeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>When refreshing fails, keys older than this are no longer trusted and requests are refused.</summary>
    public TimeSpan MaxKeyAge { get; set; } = TimeSpan.FromHours(48);

    /// <summary>
    /// Bot:Auth:AllowedCallers, app ids (GUIDs) whose Entra tokens are accepted, read from appid (ver 1.0) or azp (ver 2.0):
    /// the Bot Service's caller ids. The bot's own app id is always allowed (Emulator and skill tokens carry it).
    /// </summary>
    public IList<string> AllowedCallers { get; set; } = [];
}

/// <summary>Bot:Inbound: limits applied to /api/messages before a request is authenticated.</summary>
public sealed class InboundLimitOptions
{
    /// <summary>Bot:Inbound:FailuresPerClient, failed requests (400, 401, 413) one client IP may make per window before it gets 429.</summary>
    public int FailuresPerClient { get; set; } = 30;

    /// <summary>Bot:Inbound:FailureWindow, the fixed window the failures are counted in.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Bot:Inbound:ActivityLease, how long a delivery holds an activity it is handling; a redelivery within it is answered
    /// 503 (try later), after it the activity is taken over (the holder is presumed crashed).
    /// </summary>
    public TimeSpan ActivityLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Bot:Inbound:ActivityRetention, how long a handled activity's id is remembered as handled.</summary>
    public TimeSpan ActivityRetention { get; set; } = TimeSpan.FromHours(1);
}

public sealed class BotCredentialOptions
{
    /// <summary>
    /// Default (DefaultAzureCredential), ClientSecret, Certificate or ManagedIdentity. Outside Development it must be set
    /// explicitly, so a deployment never falls back to whatever credential DefaultAzureCredential happens to find.
    /// </summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>Only from user secrets, environment or Key Vault; never committed.</summary>
    public string? ClientSecret { get; set; }

    public string? CertificatePath { get; set; }
}

public sealed class ConnectorOptions
{
    /// <summary>
    /// Bot:Connector:AllowedServiceUrlHosts, the hosts replies may go to ("*.example.com" for subdomains). Empty uses
    /// <see cref="Connector.ServiceUrlPolicy.DefaultAllowedHosts"/>; a configured list replaces it.
    /// </summary>
    public IList<string> AllowedServiceUrlHosts { get; set; } = [];

    public int MaxRetryAttempts { get; set; } = 5;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>A Retry-After longer than this is capped, so a bad header cannot park a send for hours.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Start-up validation (ValidateOnStart) so a bad configuration stops the app with a clear message.</summary>
public sealed class BotOptionsValidator(string environmentName) : IValidateOptions<BotOptions>
{
    private static readonly string[] CredentialTypes = ["Default", "ClientSecret", "Certificate", "ManagedIdentity"];

    private bool IsDevelopment => string.Equals(environmentName, Environments.Development, StringComparison.OrdinalIgnoreCase);

    public ValidateOptionsResult Validate(string? name, BotOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.AppId) && !Guid.TryParse(options.AppId, out _))
        {
            errors.Add("Bot:AppId must be the app registration's client ID (a GUID) or empty.");
        }

        if (!string.IsNullOrWhiteSpace(options.TenantId) && !Guid.TryParse(options.TenantId, out _))
        {
            errors.Add("Bot:TenantId must be a tenant GUID or empty.");
        }

        CheckMetadataUrl(options.Auth.BotFrameworkMetadataUrl, "Bot:Auth:BotFrameworkMetadataUrl", errors);
        CheckMetadataUrl(options.Auth.EntraMetadataUrl, "Bot:Auth:EntraMetadataUrl", errors);
        for (var i = 0; i < options.Auth.AllowedCallers.Count; i++)
        {
            if (!Guid.TryParse(options.Auth.AllowedCallers[i], out _))
            {
                errors.Add($"Bot:Auth:AllowedCallers:{i} must be an app id (GUID).");
            }
        }

        if (options.InvokeBudget <= TimeSpan.Zero || options.InvokeBudget > TimeSpan.FromSeconds(14))
        {
            errors.Add("Bot:InvokeBudget must be between 0 and 14 seconds (Teams gives up after 15 s).");
        }

        if (string.IsNullOrWhiteSpace(options.Credential.Type))
        {
            if (options.Mode == BotAuthenticationMode.Authenticated && !IsDevelopment)
            {
                errors.Add($"Bot:Credential:Type must be set outside Development (one of {string.Join(", ", CredentialTypes)}); DefaultAzureCredential is never chosen silently.");
            }
        }
        else if (!CredentialTypes.Contains(options.Credential.Type, StringComparer.OrdinalIgnoreCase))
        {
            errors.Add($"Bot:Credential:Type must be one of {string.Join(", ", CredentialTypes)}.");
        }
        else if (options.Mode == BotAuthenticationMode.Authenticated)
        {
            if (options.Credential.Type.Equals("ClientSecret", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.Credential.ClientSecret))
            {
                errors.Add("Bot:Credential:Type=ClientSecret needs Bot:Credential:ClientSecret (user secrets or environment, never the repo).");
            }

            if (options.Credential.Type.Equals("Certificate", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.Credential.CertificatePath))
            {
                errors.Add("Bot:Credential:Type=Certificate needs Bot:Credential:CertificatePath.");
            }
        }

        if (options.Inbound.FailuresPerClient is < 1 or > 100_000)
        {
            errors.Add("Bot:Inbound:FailuresPerClient must be between 1 and 100000.");
        }

        if (options.Inbound.FailureWindow < TimeSpan.FromSeconds(1) || options.Inbound.FailureWindow > TimeSpan.FromHours(1))
        {
            errors.Add("Bot:Inbound:FailureWindow must be between 00:00:01 and 01:00:00.");
        }

        if (options.Inbound.ActivityLease < TimeSpan.FromSeconds(5) || options.Inbound.ActivityLease > TimeSpan.FromMinutes(30))
        {
            errors.Add("Bot:Inbound:ActivityLease must be between 00:00:05 and 00:30:00.");
        }

        if (options.Inbound.ActivityRetention < options.Inbound.ActivityLease || options.Inbound.ActivityRetention > TimeSpan.FromDays(7))
        {
            errors.Add("Bot:Inbound:ActivityRetention must be at least Bot:Inbound:ActivityLease and at most 7.00:00:00.");
        }

        for (var i = 0; i < options.Connector.AllowedServiceUrlHosts.Count; i++)
        {
            var host = options.Connector.AllowedServiceUrlHosts[i]?.Trim() ?? string.Empty;
            var bare = host.StartsWith("*.", StringComparison.Ordinal) ? host[2..] : host;
            if (Uri.CheckHostName(bare) == UriHostNameType.Unknown || bare.Contains('*', StringComparison.Ordinal))
            {
                errors.Add($"Bot:Connector:AllowedServiceUrlHosts:{i} must be a host name such as smba.trafficmanager.net or *.botframework.com.");
            }
        }

        if (options.Connector.MaxRetryAttempts is < 0 or > 10)
        {
            errors.Add("Bot:Connector:MaxRetryAttempts must be between 0 and 10.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void CheckMetadataUrl(string value, string key, List<string> errors)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !MetadataAddress.IsAllowed(uri))
        {
            errors.Add($"{key} must be an absolute https URL (http only for loopback test servers).");
        }
    }
}

/// <summary>Metadata and keys come over https; plain http is tolerated only on loopback, where tests run their key server.</summary>
public static class MetadataAddress
{
    public static bool IsAllowed(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback);
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Graph;

/// <summary>
/// Configuration section "Graph". Graph is off for the whole deployment unless Graph:Enabled is true; even then each
/// team turns each feature on in its settings card, because each moves data into Microsoft 365. Authentication is
/// app-only (client credentials) with the same identity kinds as the bot: Graph:Credential:Type Default, ClientSecret,
/// Certificate or ManagedIdentity; left empty, Graph uses the bot's own credential (Bot:Credential:*).
/// </summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";
    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";
    public const string DefaultScope = "https://graph.microsoft.com/.default";

    public bool Enabled { get; set; }

    /// <summary>Graph:BaseUrl, the v1.0 endpoint (a national cloud, or a loopback fake in tests).</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>Graph:Scope, the app-only scope asked of Entra ID.</summary>
    public string Scope { get; set; } = DefaultScope;

    /// <summary>Graph:TenantId, the tenant whose Microsoft 365 the bot writes to (needed for ClientSecret and Certificate).</summary>
    public string TenantId { get; set; } = string.Empty;

    /// <summary>Graph:ClientId, the app registration (or user-assigned managed identity); empty: the bot's app id.</summary>
    public string ClientId { get; set; } = string.Empty;

    public GraphCredentialOptions Credential { get; set; } = new();

    /// <summary>A 429/503 is retried at once only while its Retry-After is at most this; longer waits go to the durable retry.</summary>
    public TimeSpan MaxInlineRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of one call within the request (the durable work queue retries later).</summary>
    public int MaxInlineRetries { get; set; } = 2;

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the background sync runs (Planner status both ways, pending work).</summary>
    public TimeSpan SyncInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Run the background sync at all (tests switch it off and run it once).</summary>
    public bool SyncEnabled { get; set; } = true;

    /// <summary>Attempts of one work item before it is parked as failed (the settings card shows it).</summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The first delay of the durable retry; it doubles per attempt up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);
}

public sealed class GraphCredentialOptions
{
    /// <summary>Default, ClientSecret, Certificate or ManagedIdentity; empty: the bot's credential.</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>Only from user secrets, environment or Key Vault; never committed.</summary>
    public string? ClientSecret { get; set; }

    public string? CertificatePath { get; set; }
}

/// <summary>Start-up validation (ValidateOnStart): a bad Graph configuration stops the app with a clear message.</summary>
public sealed class GraphOptionsValidator(string environmentName) : IValidateOptions<GraphOptions>
{
    private static readonly string[] CredentialTypes = ["Default", "ClientSecret", "Certificate", "ManagedIdentity"];

    public ValidateOptionsResult Validate(string? name, GraphOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (!Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var baseUrl)
            || !(baseUrl.Scheme == Uri.UriSchemeHttps || (baseUrl.Scheme == Uri.UriSchemeHttp && baseUrl.IsLoopback)))
        {
            errors.Add("Graph:BaseUrl must be an absolute https URL such as https://graph.microsoft.com/v1.0 (http only for loopback test servers).");
        }

        if (!options.Enabled)
        {
            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }

        if (string.IsNullOrWhiteSpace(options.Scope))
        {
            errors.Add("Graph:Scope must be set (https://graph.microsoft.com/.default).");
        }

        if (!string.IsNullOrWhiteSpace(options.TenantId) && !Guid.TryParse(options.TenantId, out _))
        {
            errors.Add("Graph:TenantId must be a tenant GUID or empty.");
        }

        if (!string.IsNullOrWhiteSpace(options.ClientId) && !Guid.TryParse(options.ClientId, out _))
        {
            errors.Add("Graph:ClientId must be a client ID (GUID) or empty (the bot's app id).");
        }

        var type = options.Credential.Type;
        if (!string.IsNullOrWhiteSpace(type))
        {
            if (!CredentialTypes.Contains(type, StringComparer.OrdinalIgnoreCase))
            {
                errors.Add($"Graph:Credential:Type must be one of {string.Join(", ", CredentialTypes)}, or empty to use the bot's credential.");
            }
            else if (type.Equals("ClientSecret", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.Credential.ClientSecret))
            {
                errors.Add("Graph:Credential:Type=ClientSecret needs Graph:Credential:ClientSecret (user secrets or environment, never the repo).");
            }
            else if (type.Equals("Certificate", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.Credential.CertificatePath))
            {
                errors.Add("Graph:Credential:Type=Certificate needs Graph:Credential:CertificatePath.");
            }

            if (type.Equals("Default", StringComparison.OrdinalIgnoreCase) && !string.Equals(environmentName, Environments.Development, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add("Graph:Credential:Type=Default (DefaultAzureCredential) is for Development only; choose ManagedIdentity, ClientSecret or Certificate.");
            }

            if ((type.Equals("ClientSecret", StringComparison.OrdinalIgnoreCase) || type.Equals("Certificate", StringComparison.OrdinalIgnoreCase))
                && (string.IsNullOrWhiteSpace(options.TenantId) || string.IsNullOrWhiteSpace(options.ClientId)))
            {
                errors.Add("Graph:Credential:Type=" + type + " needs Graph:TenantId and Graph:ClientId.");
            }
        }

        if (options.MaxInlineRetries is < 0 or > 5)
        {
            errors.Add("Graph:MaxInlineRetries must be between 0 and 5.");
        }

        if (options.MaxInlineRetryAfter < TimeSpan.Zero || options.MaxInlineRetryAfter > TimeSpan.FromMinutes(1))
        {
            errors.Add("Graph:MaxInlineRetryAfter must be between 0 and 00:01:00.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(2))
        {
            errors.Add("Graph:RequestTimeout must be between 0 and 00:02:00.");
        }

        if (options.SyncInterval < TimeSpan.FromSeconds(10) || options.SyncInterval > TimeSpan.FromDays(1))
        {
            errors.Add("Graph:SyncInterval must be between 00:00:10 and 1.00:00:00.");
        }

        if (options.MaxAttempts is < 1 or > 100)
        {
            errors.Add("Graph:MaxAttempts must be between 1 and 100.");
        }

        if (options.RetryBaseDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryBaseDelay)
        {
            errors.Add("Graph:RetryBaseDelay must be positive and Graph:MaxRetryDelay at least as long.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

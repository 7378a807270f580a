using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Storage;

/// <summary>
/// Configuration section "Storage". Either <see cref="ConnectionString"/> (account key; Development uses
/// "UseDevelopmentStorage=true") or <see cref="TableEndpoint"/> with a managed identity (Entra ID token,
/// role "Storage Table Data Contributor").
/// </summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Storage:ConnectionString, e.g. "UseDevelopmentStorage=true" or "AccountName=…;AccountKey=…". A secret: keep it out of the repo.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Storage:TableEndpoint, e.g. https://myaccount.table.core.windows.net, used with a managed identity when no connection string is set.</summary>
    public string? TableEndpoint { get; set; }

    /// <summary>Storage:ManagedIdentityClientId for a user-assigned identity; empty uses DefaultAzureCredential.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Storage:TablePrefix, prepended to every table name (letters and digits).</summary>
    public string TablePrefix { get; set; } = "Gbb";

    /// <summary>Storage:ReadinessTimeout for the /readyz probe (no retries).</summary>
    public TimeSpan ReadinessTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Storage:PurgeInterval, how often expired idempotency and request rows are deleted.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Storage:PurgeBatchSize, the most expired rows one purge run deletes (the rest wait for the next run).</summary>
    public int PurgeBatchSize { get; set; } = 1000;
}

/// <summary>Validated at start-up so a broken storage configuration stops the host with a clear message.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            if (!IsUsableConnectionString(options.ConnectionString))
            {
                failures.Add("Storage:ConnectionString is invalid: use AccountName=…;AccountKey=…(;EndpointSuffix=… or TableEndpoint=…) or UseDevelopmentStorage=true.");
            }
        }
        else if (!string.IsNullOrWhiteSpace(options.TableEndpoint))
        {
            if (!Uri.TryCreate(options.TableEndpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps)
            {
                failures.Add("Storage:TableEndpoint must be an absolute https address (Entra ID tokens are sent over TLS only).");
            }
        }
        else
        {
            failures.Add("Set Storage:ConnectionString (account key or UseDevelopmentStorage=true) or Storage:TableEndpoint (managed identity).");
        }

        if (string.IsNullOrEmpty(options.TablePrefix) || options.TablePrefix.Length > 40 || !char.IsAsciiLetter(options.TablePrefix[0]) || !options.TablePrefix.All(char.IsAsciiLetterOrDigit))
        {
            failures.Add("Storage:TablePrefix must be 1 to 40 letters or digits and start with a letter.");
        }

        if (options.ReadinessTimeout <= TimeSpan.Zero || options.ReadinessTimeout > TimeSpan.FromSeconds(30))
        {
            failures.Add("Storage:ReadinessTimeout must be between 0 and 30 seconds.");
        }

        if (options.PurgeInterval < TimeSpan.FromMinutes(1) || options.PurgeInterval > TimeSpan.FromDays(1))
        {
            failures.Add("Storage:PurgeInterval must be between 1 minute and 1 day.");
        }

        if (options.PurgeBatchSize is < 1 or > 10_000)
        {
            failures.Add("Storage:PurgeBatchSize must be between 1 and 10000.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>The SDK parses the connection string; a key-less one (e.g. only AccountName) could not sign anything.</summary>
    private static bool IsUsableConnectionString(string connectionString)
    {
        try
        {
            var client = new TableServiceClient(connectionString);
            return !string.IsNullOrEmpty(client.AccountName)
                && (connectionString.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase)
                    || connectionString.Contains("UseDevelopmentStorage=true", StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }
}

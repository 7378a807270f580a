namespace GbbTeamsBot.Storage.Tables;

/// <summary>
/// An account-key connection string, parsed by hand (split on ';', then on the first '=').
/// Supports <c>UseDevelopmentStorage=true</c> and the explicit form with AccountName, AccountKey and
/// TableEndpoint or DefaultEndpointsProtocol/EndpointSuffix. <see cref="ToString"/> never shows the key.
/// </summary>
public sealed class TableConnectionString
{
    public const string DevelopmentAccountName = "devstoreaccount1";

    /// <summary>Azurite's well-known development key (public, documented by Microsoft; not a secret).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    public static Uri DevelopmentTableEndpoint { get; } = new("http://127.0.0.1:10002/devstoreaccount1");

    private TableConnectionString(string accountName, string accountKey, Uri tableEndpoint)
    {
        AccountName = accountName;
        AccountKey = accountKey;
        TableEndpoint = tableEndpoint;
    }

    public string AccountName { get; }

    /// <summary>The base64 account key. Keep it out of logs.</summary>
    public string AccountKey { get; }

    /// <summary>The table service endpoint without a trailing slash, e.g. http://127.0.0.1:10002/devstoreaccount1.</summary>
    public Uri TableEndpoint { get; }

    public static TableConnectionString Parse(string connectionString)
    {
        if (!TryParse(connectionString, out var result, out var error))
        {
            throw new FormatException($"The table storage connection string is invalid: {error}");
        }

        return result;
    }

    public static bool TryParse(string? connectionString, out TableConnectionString result, out string error)
    {
        result = null!;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            error = "it is empty.";
            return false;
        }

        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                error = "every setting must look like Name=Value.";
                return false;
            }

            settings[segment[..equals].Trim()] = segment[(equals + 1)..].Trim();
        }

        if (settings.TryGetValue("UseDevelopmentStorage", out var development) && string.Equals(development, "true", StringComparison.OrdinalIgnoreCase))
        {
            result = new TableConnectionString(DevelopmentAccountName, DevelopmentAccountKey, DevelopmentTableEndpoint);
            error = string.Empty;
            return true;
        }

        if (settings.ContainsKey("SharedAccessSignature"))
        {
            error = "SharedAccessSignature is not supported; use an account key or a managed identity (Storage:TableEndpoint).";
            return false;
        }

        if (!settings.TryGetValue("AccountName", out var accountName) || accountName.Length == 0)
        {
            error = "AccountName is missing.";
            return false;
        }

        if (!settings.TryGetValue("AccountKey", out var accountKey) || !IsBase64(accountKey))
        {
            error = "AccountKey is missing or not base64.";
            return false;
        }

        Uri? endpoint;
        if (settings.TryGetValue("TableEndpoint", out var tableEndpoint))
        {
            if (!Uri.TryCreate(tableEndpoint, UriKind.Absolute, out endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
            {
                error = "TableEndpoint is not an absolute http(s) address.";
                return false;
            }
        }
        else
        {
            var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https");
            var suffix = settings.GetValueOrDefault("EndpointSuffix", "core.windows.net");
            if ((protocol != "http" && protocol != "https") || !Uri.TryCreate($"{protocol}://{accountName}.table.{suffix}", UriKind.Absolute, out endpoint))
            {
                error = "DefaultEndpointsProtocol/EndpointSuffix do not form a valid address.";
                return false;
            }
        }

        result = new TableConnectionString(accountName, accountKey, TrimTrailingSlash(endpoint));
        error = string.Empty;
        return true;
    }

    public override string ToString() => $"AccountName={AccountName};AccountKey=***;TableEndpoint={TableEndpoint}";

    internal static Uri TrimTrailingSlash(Uri endpoint)
    {
        var text = endpoint.AbsoluteUri;
        return text.EndsWith('/') ? new Uri(text.TrimEnd('/')) : endpoint;
    }

    private static bool IsBase64(string value)
    {
        if (value.Length == 0)
        {
            return false;
        }

        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out _);
    }
}

namespace GbbTeamsBot.BotFramework.Connector;

/// <summary>
/// Which service URLs the bot talks to (protocol §2.6): https on a Bot Service host from the allow-list
/// (Bot:Connector:AllowedServiceUrlHosts, "*." for subdomains). In Development, loopback hosts are allowed as well, over
/// http too (Agents Playground, test connectors). Elsewhere http is allowed only for a loopback host that is listed
/// explicitly (benchmarks). Checked for every inbound activity and again before any outbound call.
/// </summary>
public sealed class ServiceUrlPolicy
{
    public static readonly IReadOnlyList<string> DefaultAllowedHosts =
    [
        "smba.trafficmanager.net",
        "*.botframework.com",
        "smba.infra.gcc.teams.microsoft.com",
        "smba.infra.gov.teams.microsoft.us",
        "smba.infra.dod.teams.microsoft.us",
    ];

    private readonly IReadOnlyList<string> _hosts;
    private readonly bool _isDevelopment;

    public ServiceUrlPolicy(IEnumerable<string> allowedHosts, bool isDevelopment)
    {
        ArgumentNullException.ThrowIfNull(allowedHosts);
        var configured = allowedHosts.Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h.Trim().ToLowerInvariant()).ToList();
        _hosts = configured.Count > 0 ? configured : DefaultAllowedHosts;
        _isDevelopment = isDevelopment;
    }

    public bool Allows(string? serviceUrl) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && Allows(uri);

    public bool Allows(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!string.IsNullOrEmpty(uri.UserInfo) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return false;
        }

        var listed = _hosts.Any(h => Matches(h, uri.IdnHost));
        if (uri.Scheme == Uri.UriSchemeHttps)
        {
            return listed || (_isDevelopment && uri.IsLoopback);
        }

        return uri.IsLoopback && (_isDevelopment || listed);
    }

    private static bool Matches(string pattern, string host) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
            : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);
}

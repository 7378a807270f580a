using System.Security.Claims;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GbbTeamsBot.BotFramework.Authentication;

/// <summary>
/// Validates the bearer token of an inbound activity (protocol §1.3). Two token families are accepted:
/// Bot Connector tokens (iss https://api.botframework.com, keys from the Bot Framework metadata, endorsements
/// required) and Entra ID tokens from the Bot Service tenants or the bot's own tenant (keys from the Entra metadata).
/// Both must carry aud = app id and a serviceurl claim equal to the activity's serviceUrl, so the service URL later
/// used for outbound calls is bound to a token Microsoft signed.
/// </summary>
public sealed partial class BotTokenValidator
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public static readonly IReadOnlyList<string> AllowedAlgorithms = ["RS256", "RS384", "RS512"];

    /// <summary>Bot Service Entra tenants (botframework.com and the tenant the Agents SDK lists for channel tokens).</summary>
    public static readonly IReadOnlyList<string> BotServiceTenants = ["d6d49420-f39b-4df7-a1dc-d59a935871db", "69e9b82d-4842-4902-8d1e-abc5b98a55e8"];

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private const int MaxTokenLength = 16 * 1024;

    private readonly string _appId;
    private readonly OpenIdKeySource _botFrameworkKeys;
    private readonly OpenIdKeySource _entraKeys;
    private readonly HashSet<string> _entraIssuers;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ILogger _logger;

    public BotTokenValidator(string appId, string? tenantId, OpenIdKeySource botFrameworkKeys, OpenIdKeySource entraKeys, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        _appId = appId;
        _botFrameworkKeys = botFrameworkKeys;
        _entraKeys = entraKeys;
        _logger = logger;
        var tenants = BotServiceTenants.ToList();
        if (!string.IsNullOrWhiteSpace(tenantId))
        {
            tenants.Add(tenantId.Trim().ToLowerInvariant());
        }

        _entraIssuers = tenants
            .SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" })
            .ToHashSet(StringComparer.Ordinal);
    }

    public async Task<BotAuthResult> ValidateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(authorizationHeader) || !authorizationHeader.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse("missing bearer token");
        }

        var token = authorizationHeader["Bearer ".Length..].Trim();
        if (token.Length is 0 or > MaxTokenLength || !_handler.CanReadToken(token))
        {
            return Refuse("unreadable token");
        }

        JsonWebToken jwt;
        try
        {
            jwt = _handler.ReadJsonWebToken(token);
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenMalformedException)
        {
            return Refuse("malformed token");
        }

        if (!AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return Refuse("algorithm not allowed");
        }

        var issuer = jwt.Issuer;
        var fromBotFramework = string.Equals(issuer, BotFrameworkIssuer, StringComparison.Ordinal);
        if (!fromBotFramework && !_entraIssuers.Contains(issuer))
        {
            return Refuse("issuer not trusted");
        }

        if (string.IsNullOrEmpty(jwt.Kid))
        {
            return Refuse("no key id");
        }

        var source = fromBotFramework ? _botFrameworkKeys : _entraKeys;
        SigningKey? signingKey;
        try
        {
            var keys = await source.GetKeysAsync(cancellationToken);
            if (!keys.Keys.TryGetValue(jwt.Kid, out signingKey))
            {
                keys = await source.RefreshForUnknownKeyAsync(cancellationToken);
                keys.Keys.TryGetValue(jwt.Kid, out signingKey);
            }
        }
        catch (SigningKeysUnavailableException)
        {
            LogKeysUnavailable();
            return BotAuthResult.KeysUnavailable;
        }

        if (signingKey is null)
        {
            return Refuse("unknown key id");
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuers = fromBotFramework ? [BotFrameworkIssuer] : _entraIssuers,
            ValidAudiences = [_appId],
            IssuerSigningKeys = [signingKey.Key],
            ValidAlgorithms = AllowedAlgorithms,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ValidateAudience = true,
            ValidateIssuer = true,
            ClockSkew = ClockSkew,
            TryAllIssuerSigningKeys = false,
        };
        var result = await _handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid)
        {
            return Refuse(result.Exception?.GetType().Name ?? "invalid token");
        }

        // Bot Connector keys always name the channels they may sign for; Entra keys carry none, so an
        // endorsement list is enforced wherever one exists and required for the Bot Connector family.
        var endorsed = !string.IsNullOrEmpty(channelId) && signingKey.Endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase);
        if (fromBotFramework ? !endorsed : signingKey.Endorsements.Count > 0 && !endorsed)
        {
            return Refuse("key not endorsed for channel");
        }

        var serviceUrlClaim = result.ClaimsIdentity.FindFirst("serviceurl")?.Value;
        if (string.IsNullOrEmpty(serviceUrlClaim) || string.IsNullOrEmpty(serviceUrl)
            || !string.Equals(serviceUrlClaim, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse("serviceurl mismatch");
        }

        return BotAuthResult.Success(result.ClaimsIdentity);
    }

    private BotAuthResult Refuse(string reason)
    {
        LogRefused(reason);
        return BotAuthResult.Refused;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbound token refused: {Reason}")]
    private partial void LogRefused(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbound token cannot be checked: signing keys unavailable")]
    private partial void LogKeysUnavailable();
}

public enum BotAuthOutcome
{
    Authenticated,
    Refused,
    KeysUnavailable,
}

public sealed record BotAuthResult(BotAuthOutcome Outcome, ClaimsIdentity? Identity)
{
    public static BotAuthResult Refused { get; } = new(BotAuthOutcome.Refused, null);

    public static BotAuthResult KeysUnavailable { get; } = new(BotAuthOutcome.KeysUnavailable, null);

    public static BotAuthResult Success(ClaimsIdentity identity) => new(BotAuthOutcome.Authenticated, identity);

    public bool Succeeded => Outcome == BotAuthOutcome.Authenticated;
}

using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GbbTeamsBot.BotFramework.Authentication;

/// <summary>
/// Validates the bearer token of an inbound activity (protocol §1.3). Only Teams activities are served: the
/// activity's channelId must be "msteams" and the signing key must be endorsed for it, whichever token family signed.
/// Two token families are accepted: Bot Connector tokens (iss https://api.botframework.com, keys from the Bot
/// Framework metadata) and Entra ID tokens from the Bot Service tenants or the bot's own tenant (keys from the Entra
/// metadata; ver 1.0/2.0 with the matching issuer form, tid equal to the issuer's tenant, the key published for that
/// issuer, and the calling app, appid or azp, in the allow-list). Both must carry aud = app id and a serviceurl claim
/// equal to the activity's serviceUrl, so the service URL later used for outbound calls is bound to a signed token.
/// </summary>
public sealed partial class BotTokenValidator
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public const string TeamsChannelId = "msteams";
    public static readonly IReadOnlyList<string> AllowedAlgorithms = ["RS256", "RS384", "RS512"];

    /// <summary>
    /// Bot Service Entra tenants both official SDKs trust: botframework.com, the tenant of Emulator/Bot Service
    /// tokens, and the tenant the Agents SDK lists for channel tokens.
    /// </summary>
    public static readonly IReadOnlyList<string> BotServiceTenants =
        ["d6d49420-f39b-4df7-a1dc-d59a935871db", "f8cdef31-a31e-4b4a-93e4-5f571e91255a", "69e9b82d-4842-4902-8d1e-abc5b98a55e8"];

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private const int MaxTokenLength = 16 * 1024;
    private const int MaxKeyIdLength = 256;

    // Headers that would let a token name its own key or demand extensions we do not implement.
    private static readonly string[] RefusedHeaders = ["jku", "jwk", "x5c", "x5u", "crit"];

    private readonly string _appId;
    private readonly OpenIdKeySource _botFrameworkKeys;
    private readonly OpenIdKeySource _entraKeys;
    private readonly HashSet<string> _entraTenants;
    private readonly HashSet<string> _allowedCallers;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ILogger _logger;

    public BotTokenValidator(string appId, string? tenantId, IEnumerable<string> allowedCallers, OpenIdKeySource botFrameworkKeys, OpenIdKeySource entraKeys, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appId);
        ArgumentNullException.ThrowIfNull(allowedCallers);
        _appId = appId;
        _botFrameworkKeys = botFrameworkKeys;
        _entraKeys = entraKeys;
        _logger = logger;
        _entraTenants = new HashSet<string>(BotServiceTenants, StringComparer.OrdinalIgnoreCase);
        if (!string.IsNullOrWhiteSpace(tenantId))
        {
            _entraTenants.Add(tenantId.Trim());
        }

        // The bot itself is always an allowed caller (Emulator and skill tokens carry its own app id, as in the SDK).
        _allowedCallers = new HashSet<string>(allowedCallers.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()), StringComparer.OrdinalIgnoreCase) { appId };
    }

    public async Task<BotAuthResult> ValidateAsync(string? authorizationHeader, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        // channelData (tenant, team) is written by whoever posts; only Teams vouches for it, so nothing else is served.
        if (!string.Equals(channelId, TeamsChannelId, StringComparison.Ordinal))
        {
            return Refuse("channel is not Teams");
        }

        // The scheme exactly as the SDK expects it: "Bearer", one space, one token.
        const string scheme = "Bearer ";
        if (string.IsNullOrEmpty(authorizationHeader) || !authorizationHeader.StartsWith(scheme, StringComparison.Ordinal))
        {
            return Refuse("missing bearer token");
        }

        var token = authorizationHeader[scheme.Length..];
        if (token.Length is 0 or > MaxTokenLength || token.Contains(' ', StringComparison.Ordinal) || !_handler.CanReadToken(token))
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

        if (jwt.IsEncrypted)
        {
            return Refuse("encrypted token");
        }

        if (!AllowedAlgorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return Refuse("algorithm not allowed");
        }

        if (HasRefusedHeader(jwt))
        {
            return Refuse("header not allowed");
        }

        if (string.IsNullOrEmpty(jwt.Kid) || jwt.Kid.Length > MaxKeyIdLength)
        {
            return Refuse("no usable key id");
        }

        var issuer = jwt.Issuer;
        var fromBotFramework = string.Equals(issuer, BotFrameworkIssuer, StringComparison.Ordinal);
        string[] validIssuers;
        if (fromBotFramework)
        {
            validIssuers = [BotFrameworkIssuer];
        }
        else if (EntraIssuerFor(jwt) is { } entraIssuer)
        {
            validIssuers = [entraIssuer];
        }
        else
        {
            return Refuse("issuer not trusted");
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
            ValidIssuers = validIssuers,
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

        if (!signingKey.Endorsements.Contains(TeamsChannelId, StringComparer.OrdinalIgnoreCase))
        {
            return Refuse("key not endorsed for Teams");
        }

        if (!fromBotFramework)
        {
            if (!KeyBelongsToIssuer(signingKey, jwt, validIssuers[0]))
            {
                return Refuse("key not published for this issuer");
            }

            var caller = CallerOf(jwt);
            if (caller is null || !_allowedCallers.Contains(caller))
            {
                return Refuse("caller not allowed");
            }
        }

        var serviceUrlClaim = result.ClaimsIdentity.FindFirst("serviceurl")?.Value;
        if (string.IsNullOrEmpty(serviceUrlClaim) || string.IsNullOrEmpty(serviceUrl)
            || !string.Equals(serviceUrlClaim, serviceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return Refuse("serviceurl mismatch");
        }

        return BotAuthResult.Success(result.ClaimsIdentity);
    }

    /// <summary>
    /// The one issuer an Entra token may have: the form its "ver" names (1.0: sts.windows.net, 2.0: login.microsoftonline.com)
    /// for the tenant in "tid", which must be a trusted tenant. Null when any part is missing or does not fit.
    /// </summary>
    private string? EntraIssuerFor(JsonWebToken jwt)
    {
        var tenant = StringClaim(jwt, "tid");
        if (tenant is null || !Guid.TryParse(tenant, out _) || !_entraTenants.Contains(tenant))
        {
            return null;
        }

        var expected = StringClaim(jwt, "ver") switch
        {
            "1.0" => $"https://sts.windows.net/{tenant}/",
            "2.0" => $"https://login.microsoftonline.com/{tenant}/v2.0",
            _ => null,
        };
        return expected is not null && string.Equals(jwt.Issuer, expected, StringComparison.OrdinalIgnoreCase) ? jwt.Issuer : null;
    }

    /// <summary>
    /// Signing-key issuer validation (what the Agents SDK enables with AAD signing-key issuer validation): the key's
    /// published issuer, with "{tenantid}" filled from the token, names the token's issuer or its v2.0 form. A key
    /// without an issuer is not trusted for Entra tokens.
    /// </summary>
    private static bool KeyBelongsToIssuer(SigningKey key, JsonWebToken jwt, string issuer)
    {
        if (string.IsNullOrEmpty(key.Issuer) || StringClaim(jwt, "tid") is not { } tenant)
        {
            return false;
        }

        var keyIssuer = key.Issuer.Replace("{tenantid}", tenant, StringComparison.OrdinalIgnoreCase);
        var v2 = $"https://login.microsoftonline.com/{tenant}/v2.0";
        return string.Equals(keyIssuer, issuer, StringComparison.OrdinalIgnoreCase) || string.Equals(keyIssuer, v2, StringComparison.OrdinalIgnoreCase);
    }

    private static string? CallerOf(JsonWebToken jwt) => StringClaim(jwt, "ver") == "1.0" ? StringClaim(jwt, "appid") : StringClaim(jwt, "azp");

    private static string? StringClaim(JsonWebToken jwt, string name) =>
        jwt.TryGetClaim(name, out var claim) && claim.ValueType == ClaimValueTypes.String && claim.Value.Length is > 0 and <= 256 ? claim.Value : null;

    private static bool HasRefusedHeader(JsonWebToken jwt)
    {
        try
        {
            using var header = JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.EncodedHeader));
            return header.RootElement.ValueKind != JsonValueKind.Object
                || RefusedHeaders.Any(h => header.RootElement.TryGetProperty(h, out _));
        }
        catch (Exception ex) when (ex is JsonException or FormatException or ArgumentException)
        {
            return true;
        }
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

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GbbTeamsBot.TestServers;

public enum TokenFamily
{
    BotFramework,
    Entra,
}

/// <summary>What a test token should look like; defaults give a valid token for <see cref="OpenIdTestServer.AppId"/>.</summary>
public sealed record TestToken
{
    public TokenFamily Family { get; init; } = TokenFamily.BotFramework;
    public string? Issuer { get; init; }
    public string? Audience { get; init; }
    public string? ServiceUrl { get; init; }
    public bool OmitServiceUrl { get; init; }
    public string? KeyId { get; init; }
    public RSA? SigningKey { get; init; }
    public string Algorithm { get; init; } = SecurityAlgorithms.RsaSha256;
    public DateTime? NotBefore { get; init; }
    public DateTime? Expires { get; init; }

    /// <summary>Entra only: "2.0" (default) or "1.0"; null leaves the claim out.</summary>
    public string? Version { get; init; } = "2.0";

    /// <summary>Entra only: the tid claim and the issuer's tenant (default the Bot Service tenant).</summary>
    public string? TenantId { get; init; }

    /// <summary>Entra only: a tid claim that differs from the issuer's tenant.</summary>
    public string? TenantClaim { get; init; }

    /// <summary>Entra only: the calling app (azp for 2.0, appid for 1.0); default <see cref="OpenIdTestServer.BotServiceCaller"/>.</summary>
    public string? Caller { get; init; }

    /// <summary>Extra JWT header members (jku, jwk, x5c, crit ...), for header tricks.</summary>
    public IReadOnlyDictionary<string, object>? ExtraHeaders { get; init; }
}

/// <summary>
/// Local OpenID metadata + JWKS for both token families, with test RSA keys, served by real Kestrel on loopback.
/// Bot Framework metadata: {base}/botframework/.well-known/openidconfiguration; Entra: {base}/entra/v2.0/.well-known/openid-configuration.
/// </summary>
public sealed class OpenIdTestServer : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string BotServiceTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";
    public const string EndorsedKeyId = "bf-key-msteams";
    public const string WebchatOnlyKeyId = "bf-key-webchat";
    public const string EntraKeyId = "entra-key";
    public const string EntraUnendorsedKeyId = "entra-key-unendorsed";
    public const string EntraForeignIssuerKeyId = "entra-key-foreign-tenant";
    public const string ForeignTenant = "12345678-1234-1234-1234-123456789012";

    /// <summary>The Bot Service's calling app in test tokens; the hosts under test list it in Bot:Auth:AllowedCallers.</summary>
    public const string BotServiceCaller = "b3b5b6f3-0000-4000-8000-000000000000";
    public const string DefaultServiceUrl = "https://smba.trafficmanager.net/emea/";

    private readonly LoopbackServer _server;
    private int _metadataRequests;

    private OpenIdTestServer(LoopbackServer server) => _server = server;

    public RSA BotFrameworkKey { get; } = RSA.Create(2048);
    public RSA WebchatOnlyKey { get; } = RSA.Create(2048);
    public RSA EntraKey { get; } = RSA.Create(2048);

    /// <summary>An Entra key published without the msteams endorsement.</summary>
    public RSA EntraUnendorsedKey { get; } = RSA.Create(2048);

    /// <summary>An Entra key published for one foreign tenant only (issuer-specific key).</summary>
    public RSA EntraForeignIssuerKey { get; } = RSA.Create(2048);

    /// <summary>A key that is published nowhere: tokens signed with it must be refused.</summary>
    public RSA ForeignKey { get; } = RSA.Create(2048);

    /// <summary>Key ids published in the Bot Framework JWKS besides the default ones (e.g. after a rotation).</summary>
    public Dictionary<string, RSA> ExtraBotFrameworkKeys { get; } = new();

    /// <summary>While true every request is answered 503, as if the metadata host were down.</summary>
    public bool IsDown { get; set; }

    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    public Uri BotFrameworkMetadataUrl => new(_server.BaseAddress, "/botframework/.well-known/openidconfiguration");

    public Uri EntraMetadataUrl => new(_server.BaseAddress, "/entra/v2.0/.well-known/openid-configuration");

    public static async Task<OpenIdTestServer> StartAsync()
    {
        OpenIdTestServer? self = null;
        var server = await LoopbackServer.StartAsync(context => self!.HandleAsync(context));
        self = new OpenIdTestServer(server);
        return self;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if (IsDown)
        {
            context.Response.StatusCode = 503;
            return;
        }

        JsonObject? document = path switch
        {
            "/botframework/.well-known/openidconfiguration" => Metadata("https://api.botframework.com", "/botframework/keys"),
            "/botframework/keys" => Jwks(BotFrameworkKeys().Select(k => (k.Kid, k.Key, k.Endorsements, (string?)null))),
            "/entra/v2.0/.well-known/openid-configuration" => Metadata("https://login.microsoftonline.com/{tenantid}/v2.0", "/entra/keys"),
            "/entra/keys" => Jwks(
            [
                (EntraKeyId, EntraKey, ["msteams"], "https://login.microsoftonline.com/{tenantid}/v2.0"),
                (EntraUnendorsedKeyId, EntraUnendorsedKey, null, "https://login.microsoftonline.com/{tenantid}/v2.0"),
                (EntraForeignIssuerKeyId, EntraForeignIssuerKey, ["msteams"], $"https://login.microsoftonline.com/{ForeignTenant}/v2.0"),
            ]),
            _ => null,
        };
        if (path.Contains(".well-known", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _metadataRequests);
        }

        if (document is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(document.ToJsonString());
    }

    private IEnumerable<(string Kid, RSA Key, string[]? Endorsements)> BotFrameworkKeys()
    {
        yield return (EndorsedKeyId, BotFrameworkKey, ["msteams", "emulator"]);
        yield return (WebchatOnlyKeyId, WebchatOnlyKey, ["webchat"]);
        foreach (var (kid, key) in ExtraBotFrameworkKeys)
        {
            yield return (kid, key, ["msteams"]);
        }
    }

    private JsonObject Metadata(string issuer, string jwksPath) => new()
    {
        ["issuer"] = issuer,
        ["jwks_uri"] = new Uri(_server.BaseAddress, jwksPath).ToString(),
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
    };

    private static JsonObject Jwks(IEnumerable<(string Kid, RSA Key, string[]? Endorsements, string? Issuer)> keys)
    {
        var array = new JsonArray();
        foreach (var (kid, key, endorsements, issuer) in keys)
        {
            var p = key.ExportParameters(false);
            var jwk = new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = kid,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            };
            if (issuer is not null)
            {
                jwk["issuer"] = issuer;
            }

            if (endorsements is not null)
            {
                jwk["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)JsonValue.Create(e)!).ToArray());
            }

            array.Add(jwk);
        }

        return new JsonObject { ["keys"] = array };
    }

    /// <summary>Signs a token as the metadata's owner would (or as a forger would, depending on <paramref name="spec"/>).</summary>
    public string CreateToken(TestToken? spec = null)
    {
        spec ??= new TestToken();
        var now = DateTime.UtcNow;
        var entra = spec.Family == TokenFamily.Entra;
        var claims = new Dictionary<string, object>();
        if (!spec.OmitServiceUrl)
        {
            claims["serviceurl"] = spec.ServiceUrl ?? DefaultServiceUrl;
        }

        var tenant = spec.TenantId ?? BotServiceTenant;
        if (entra)
        {
            if (spec.Version is not null)
            {
                claims["ver"] = spec.Version;
            }

            claims["tid"] = spec.TenantClaim ?? tenant;
            claims[spec.Version == "1.0" ? "appid" : "azp"] = spec.Caller ?? BotServiceCaller;
        }

        var rsa = spec.SigningKey ?? (entra ? EntraKey : BotFrameworkKey);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer ?? (entra ? EntraIssuer(spec.Version, tenant) : "https://api.botframework.com"),
            Audience = spec.Audience ?? AppId,
            Claims = claims,
            NotBefore = spec.NotBefore ?? now.AddMinutes(-1),
            IssuedAt = spec.NotBefore ?? now.AddMinutes(-1),
            Expires = spec.Expires ?? now.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = spec.KeyId ?? (entra ? EntraKeyId : EndorsedKeyId) }, spec.Algorithm),
            AdditionalHeaderClaims = spec.ExtraHeaders?.ToDictionary(h => h.Key, h => h.Value),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public static string EntraIssuer(string? version, string tenant) =>
        version == "1.0" ? $"https://sts.windows.net/{tenant}/" : $"https://login.microsoftonline.com/{tenant}/v2.0";

    /// <summary>A token with a symmetric HS256 signature (algorithm confusion attempt).</summary>
    public string CreateHs256Token(string serviceUrl = DefaultServiceUrl)
    {
        var secret = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = EndorsedKeyId };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://api.botframework.com",
            Audience = AppId,
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            Expires = DateTime.UtcNow.AddHours(1),
            SigningCredentials = new SigningCredentials(secret, SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>An unsigned token (alg "none") with otherwise valid claims.</summary>
    public static string CreateUnsignedToken(string serviceUrl = DefaultServiceUrl)
    {
        var header = new { alg = "none", typ = "JWT", kid = EndorsedKeyId };
        var payload = new
        {
            iss = "https://api.botframework.com",
            aud = AppId,
            serviceurl = serviceUrl,
            nbf = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(),
            exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
        };
        return Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(header))) + "."
             + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload))) + ".";
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        BotFrameworkKey.Dispose();
        WebchatOnlyKey.Dispose();
        EntraKey.Dispose();
        EntraUnendorsedKey.Dispose();
        EntraForeignIssuerKey.Dispose();
        ForeignKey.Dispose();
    }
}

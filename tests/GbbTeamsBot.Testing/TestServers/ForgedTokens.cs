namespace GbbTeamsBot.TestServers;

/// <summary>The refusal matrix: every token here must be refused with 401 by a bot configured with <see cref="OpenIdTestServer.AppId"/>.</summary>
public static class ForgedTokens
{
    public static readonly IReadOnlyList<string> Kinds =
    [
        "malformed", "rs256 header over garbage", "wrong issuer", "wrong audience", "expired", "not yet valid",
        "signed by another key", "unknown key id", "hs256", "alg none", "key not endorsed for channel",
        "serviceurl mismatch", "serviceurl missing", "entra token for another audience", "entra token from a foreign tenant",
        "entra token signed by bot framework key", "bot framework token signed by entra key",
        "entra token from a foreign caller", "entra v1 token from a foreign caller", "entra token with tid of another tenant",
        "entra token without ver", "entra token with unknown ver", "entra v2 issuer with ver 1.0", "entra token signed by unendorsed key",
        "entra token signed by a key of another issuer", "entra token from the bots own app with a foreign tenant",
        "jku header", "jwk header", "x5c header", "crit header", "oversized kid", "jwe",
    ];

    public static string Create(OpenIdTestServer keys, string kind, string serviceUrl = OpenIdTestServer.DefaultServiceUrl)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var valid = new TestToken { ServiceUrl = serviceUrl };
        var entra = valid with { Family = TokenFamily.Entra };
        return kind switch
        {
            "malformed" => "not-a-jwt",
            "rs256 header over garbage" => "eyJhbGciOiJSUzI1NiIsImtpZCI6ImJmLWtleS1tc3RlYW1zIn0.bm90IGpzb24.c2lnbmF0dXJl",
            "wrong issuer" => keys.CreateToken(valid with { Issuer = "https://api.botframework.evil" }),
            "wrong audience" => keys.CreateToken(valid with { Audience = "99999999-0000-0000-0000-000000000000" }),
            "expired" => keys.CreateToken(valid with { NotBefore = DateTime.UtcNow.AddHours(-2), Expires = DateTime.UtcNow.AddMinutes(-6) }),
            "not yet valid" => keys.CreateToken(valid with { NotBefore = DateTime.UtcNow.AddMinutes(6), Expires = DateTime.UtcNow.AddHours(1) }),
            "signed by another key" => keys.CreateToken(valid with { SigningKey = keys.ForeignKey }),
            "unknown key id" => keys.CreateToken(valid with { SigningKey = keys.ForeignKey, KeyId = "kid-nobody-published" }),
            "hs256" => keys.CreateHs256Token(serviceUrl),
            "alg none" => OpenIdTestServer.CreateUnsignedToken(serviceUrl),
            "key not endorsed for channel" => keys.CreateToken(valid with { SigningKey = keys.WebchatOnlyKey, KeyId = OpenIdTestServer.WebchatOnlyKeyId }),
            "serviceurl mismatch" => keys.CreateToken(valid with { ServiceUrl = "https://attacker.example/" }),
            "serviceurl missing" => keys.CreateToken(valid with { OmitServiceUrl = true }),
            "entra token for another audience" => keys.CreateToken(entra with { Audience = "https://graph.microsoft.com" }),
            "entra token from a foreign tenant" => keys.CreateToken(entra with { Issuer = "https://login.microsoftonline.com/12345678-1234-1234-1234-123456789012/v2.0" }),
            "entra token signed by bot framework key" => keys.CreateToken(entra with { SigningKey = keys.BotFrameworkKey, KeyId = OpenIdTestServer.EndorsedKeyId }),
            "bot framework token signed by entra key" => keys.CreateToken(valid with { SigningKey = keys.EntraKey, KeyId = OpenIdTestServer.EntraKeyId }),
            "entra token from a foreign caller" => keys.CreateToken(entra with { Caller = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" }),
            "entra v1 token from a foreign caller" => keys.CreateToken(entra with { Version = "1.0", Caller = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" }),
            "entra token with tid of another tenant" => keys.CreateToken(entra with { TenantClaim = OpenIdTestServer.ForeignTenant }),
            "entra token without ver" => keys.CreateToken(entra with { Version = null }),
            "entra token with unknown ver" => keys.CreateToken(entra with { Version = "3.0", Issuer = OpenIdTestServer.EntraIssuer("2.0", OpenIdTestServer.BotServiceTenant) }),
            "entra v2 issuer with ver 1.0" => keys.CreateToken(entra with { Version = "1.0", Issuer = OpenIdTestServer.EntraIssuer("2.0", OpenIdTestServer.BotServiceTenant) }),
            "entra token signed by unendorsed key" => keys.CreateToken(entra with { SigningKey = keys.EntraUnendorsedKey, KeyId = OpenIdTestServer.EntraUnendorsedKeyId }),
            "entra token signed by a key of another issuer" => keys.CreateToken(entra with { SigningKey = keys.EntraForeignIssuerKey, KeyId = OpenIdTestServer.EntraForeignIssuerKeyId }),
            "entra token from the bots own app with a foreign tenant" => keys.CreateToken(entra with { Caller = OpenIdTestServer.AppId, TenantId = OpenIdTestServer.ForeignTenant }),
            "jku header" => keys.CreateToken(valid with { ExtraHeaders = new Dictionary<string, object> { ["jku"] = "https://attacker.example/keys" } }),
            "jwk header" => keys.CreateToken(valid with { ExtraHeaders = new Dictionary<string, object> { ["jwk"] = new Dictionary<string, object> { ["kty"] = "RSA", ["n"] = "AQAB", ["e"] = "AQAB" } } }),
            "x5c header" => keys.CreateToken(valid with { ExtraHeaders = new Dictionary<string, object> { ["x5c"] = new[] { "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" } } }),
            "crit header" => keys.CreateToken(valid with { ExtraHeaders = new Dictionary<string, object> { ["crit"] = new[] { "exp" } } }),
            "oversized kid" => keys.CreateToken(valid with { KeyId = new string('k', 4096) }),
            "jwe" => "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00iLCJraWQiOiJiZi1rZXktbXN0ZWFtcyJ9.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGeipsEdY3mx_etLbbWSrFr05kLzcSr4qKAq7YN7e9jwQRb23nfa6c9d-StnImGyFDbSv04uVuxIp5Zms1gNxKKK2Da14B8S4rzVRltdYwam_lDp5XnZAYpQdb76FdIKLaVmqgfwX7XWRxv2322i-vDxRfqNzo_tETKzpVLzfiwQyeyPGLBIO56YJ7eObdv0je81860ppamavo35UgoRdbYaBcoh9QcfylQr66oc6vFWXRcZ_ZT2LawVCWTIy3brGPi6UklfCpIMfIjf7iGdXKHzg.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.XFBoMYUZodetZdvTiFvSkQ",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}

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
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }
}

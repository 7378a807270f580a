using GbbTeamsBot.BotFramework.Authentication;
using GbbTeamsBot.BotFramework.Tests.Support;
using GbbTeamsBot.TestServers;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbbTeamsBot.BotFramework.Tests.Authentication;

public sealed class BotTokenValidatorTests : IAsyncLifetime
{
    private const string OwnTenant = "99999999-8888-7777-6666-555555555555";
    private OpenIdTestServer _keys = null!;
    private readonly HttpClient _http = new();
    private readonly ManualTimeProvider _time = new(DateTimeOffset.UtcNow);

    public async Task InitializeAsync() => _keys = await OpenIdTestServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _keys.DisposeAsync();
        _http.Dispose();
    }

    private BotTokenValidator Validator(string? tenantId = null, BotAuthOptions? options = null)
    {
        options ??= new BotAuthOptions();
        return new BotTokenValidator(
            OpenIdTestServer.AppId,
            tenantId,
            new OpenIdKeySource(_keys.BotFrameworkMetadataUrl, _http, _time, options, NullLogger.Instance),
            new OpenIdKeySource(_keys.EntraMetadataUrl, _http, _time, options, NullLogger.Instance),
            NullLogger.Instance);
    }

    private static Task<BotAuthResult> Check(BotTokenValidator validator, string token, string channel = "msteams", string serviceUrl = OpenIdTestServer.DefaultServiceUrl) =>
        validator.ValidateAsync("Bearer " + token, channel, serviceUrl, CancellationToken.None);

    [Fact]
    public async Task Valid_bot_connector_token_is_accepted()
    {
        var result = await Check(Validator(), _keys.CreateToken());

        Assert.Equal(BotAuthOutcome.Authenticated, result.Outcome);
        Assert.Equal(OpenIdTestServer.DefaultServiceUrl, result.Identity!.FindFirst("serviceurl")!.Value);
    }

    [Fact]
    public async Task Valid_entra_token_from_the_bot_service_tenant_is_accepted()
    {
        var result = await Check(Validator(), _keys.CreateToken(new TestToken { Family = TokenFamily.Entra }));

        Assert.Equal(BotAuthOutcome.Authenticated, result.Outcome);
    }

    [Fact]
    public async Task Entra_token_from_the_bots_own_tenant_is_accepted_only_when_that_tenant_is_configured()
    {
        var token = _keys.CreateToken(new TestToken { Family = TokenFamily.Entra, Issuer = $"https://login.microsoftonline.com/{OwnTenant}/v2.0" });

        Assert.Equal(BotAuthOutcome.Refused, (await Check(Validator(), token)).Outcome);
        Assert.Equal(BotAuthOutcome.Authenticated, (await Check(Validator(OwnTenant), token)).Outcome);
    }

    public static TheoryData<string> ForgedTokens() =>
    [
        "wrong issuer", "wrong audience", "expired", "not yet valid", "signed by another key", "unknown key id",
        "hs256", "alg none", "key not endorsed for channel", "serviceurl mismatch", "serviceurl missing",
        "entra token for another audience", "entra token from a foreign tenant", "entra token signed by bot framework key",
        "bot framework token signed by entra key", "malformed", "rs256 header over garbage",
    ];

    [Theory]
    [MemberData(nameof(ForgedTokens))]
    public async Task Forged_or_foreign_tokens_are_refused(string kind)
    {
        var token = TokenFor(_keys, kind);

        var result = await Check(Validator(OwnTenant), token);

        Assert.Equal(BotAuthOutcome.Refused, result.Outcome);
        Assert.Null(result.Identity);
    }

    /// <summary>Builds the token for one row of the refusal matrix; shared with the host-level endpoint tests' list.</summary>
    public static string TokenFor(OpenIdTestServer keys, string kind) => kind switch
    {
        "wrong issuer" => keys.CreateToken(new TestToken { Issuer = "https://api.botframework.evil" }),
        "wrong audience" => keys.CreateToken(new TestToken { Audience = "99999999-0000-0000-0000-000000000000" }),
        "expired" => keys.CreateToken(new TestToken { NotBefore = DateTime.UtcNow.AddHours(-2), Expires = DateTime.UtcNow.AddMinutes(-6) }),
        "not yet valid" => keys.CreateToken(new TestToken { NotBefore = DateTime.UtcNow.AddMinutes(6), Expires = DateTime.UtcNow.AddHours(1) }),
        "signed by another key" => keys.CreateToken(new TestToken { SigningKey = keys.ForeignKey }),
        "unknown key id" => keys.CreateToken(new TestToken { SigningKey = keys.ForeignKey, KeyId = "kid-nobody-published" }),
        "hs256" => keys.CreateHs256Token(),
        "alg none" => OpenIdTestServer.CreateUnsignedToken(),
        "key not endorsed for channel" => keys.CreateToken(new TestToken { SigningKey = keys.WebchatOnlyKey, KeyId = OpenIdTestServer.WebchatOnlyKeyId }),
        "serviceurl mismatch" => keys.CreateToken(new TestToken { ServiceUrl = "https://attacker.example/" }),
        "serviceurl missing" => keys.CreateToken(new TestToken { OmitServiceUrl = true }),
        "entra token for another audience" => keys.CreateToken(new TestToken { Family = TokenFamily.Entra, Audience = "https://graph.microsoft.com" }),
        "entra token from a foreign tenant" => keys.CreateToken(new TestToken { Family = TokenFamily.Entra, Issuer = "https://login.microsoftonline.com/12345678-1234-1234-1234-123456789012/v2.0" }),
        "entra token signed by bot framework key" => keys.CreateToken(new TestToken { Family = TokenFamily.Entra, SigningKey = keys.BotFrameworkKey, KeyId = OpenIdTestServer.EndorsedKeyId }),
        "bot framework token signed by entra key" => keys.CreateToken(new TestToken { SigningKey = keys.EntraKey, KeyId = OpenIdTestServer.EntraKeyId }),
        "malformed" => "not-a-jwt",
        "rs256 header over garbage" => "eyJhbGciOiJSUzI1NiIsImtpZCI6ImJmLWtleS1tc3RlYW1zIn0.bm90IGpzb24.c2lnbmF0dXJl",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    public async Task Missing_or_non_bearer_header_is_refused(string? header)
    {
        var result = await Validator().ValidateAsync(header, "msteams", OpenIdTestServer.DefaultServiceUrl, CancellationToken.None);

        Assert.Equal(BotAuthOutcome.Refused, result.Outcome);
    }

    [Fact]
    public async Task Bot_connector_token_for_a_different_channel_than_the_activity_is_refused()
    {
        var result = await Check(Validator(), _keys.CreateToken(), channel: "webchat");

        Assert.Equal(BotAuthOutcome.Refused, result.Outcome);
    }

    [Fact]
    public async Task Serviceurl_claim_is_compared_case_insensitively_like_the_sdk()
    {
        var result = await Check(Validator(), _keys.CreateToken(), serviceUrl: OpenIdTestServer.DefaultServiceUrl.ToUpperInvariant());

        Assert.Equal(BotAuthOutcome.Authenticated, result.Outcome);
    }

    [Fact]
    public async Task Metadata_server_down_before_any_keys_were_fetched_refuses_without_accepting()
    {
        _keys.IsDown = true;

        var result = await Check(Validator(), _keys.CreateToken());

        Assert.Equal(BotAuthOutcome.KeysUnavailable, result.Outcome);
        Assert.Null(result.Identity);
    }

    [Fact]
    public async Task Keys_are_cached_between_requests()
    {
        var validator = Validator();
        for (var i = 0; i < 5; i++)
        {
            Assert.True((await Check(validator, _keys.CreateToken())).Succeeded);
        }

        Assert.Equal(1, _keys.MetadataRequests);
    }

    [Fact]
    public async Task Keys_are_refreshed_after_the_refresh_interval()
    {
        var validator = Validator();
        await Check(validator, _keys.CreateToken());

        _time.Advance(new BotAuthOptions().KeyRefreshInterval + TimeSpan.FromMinutes(1));
        await Check(validator, _keys.CreateToken());

        Assert.Equal(2, _keys.MetadataRequests);
    }

    [Fact]
    public async Task Rotated_key_is_picked_up_on_its_first_use()
    {
        var validator = Validator();
        Assert.True((await Check(validator, _keys.CreateToken())).Succeeded);
        using var rotated = System.Security.Cryptography.RSA.Create(2048);
        _keys.ExtraBotFrameworkKeys["bf-key-rotated"] = rotated;

        _time.Advance(TimeSpan.FromMinutes(6));
        var result = await Check(validator, _keys.CreateToken(new TestToken { SigningKey = rotated, KeyId = "bf-key-rotated" }));

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Unknown_key_ids_refetch_metadata_at_most_once_per_interval()
    {
        var validator = Validator();
        await Check(validator, _keys.CreateToken());
        var forged = _keys.CreateToken(new TestToken { SigningKey = _keys.ForeignKey, KeyId = "kid-random" });

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(BotAuthOutcome.Refused, (await Check(validator, forged)).Outcome);
        }

        // The keys were fetched moments ago, so ten unknown key ids cause no fetch at all.
        Assert.Equal(1, _keys.MetadataRequests);
        _time.Advance(new BotAuthOptions().UnknownKeyRefreshInterval);
        for (var i = 0; i < 10; i++)
        {
            await Check(validator, forged);
        }

        Assert.Equal(2, _keys.MetadataRequests);
    }

    [Fact]
    public async Task Cached_keys_survive_a_metadata_outage_but_not_beyond_their_maximum_age()
    {
        var validator = Validator();
        Assert.True((await Check(validator, _keys.CreateToken())).Succeeded);
        _keys.IsDown = true;

        _time.Advance(new BotAuthOptions().KeyRefreshInterval + TimeSpan.FromMinutes(1));
        Assert.True((await Check(validator, _keys.CreateToken())).Succeeded);

        _time.Advance(new BotAuthOptions().MaxKeyAge);
        Assert.Equal(BotAuthOutcome.KeysUnavailable, (await Check(validator, _keys.CreateToken())).Outcome);
    }
}

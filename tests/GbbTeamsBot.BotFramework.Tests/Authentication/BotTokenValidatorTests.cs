using GbbTeamsBot.BotFramework.Authentication;
using GbbTeamsBot.BotFramework.Tests.Support;
using GbbTeamsBot.TestServers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GbbTeamsBot.BotFramework.Tests.Authentication;

public sealed class BotTokenValidatorTests : IAsyncLifetime
{
    private const string OwnTenant = "99999999-8888-7777-6666-555555555555";
    private OpenIdTestServer _keys = null!;
    private readonly HttpClient _http = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

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
            [OpenIdTestServer.BotServiceCaller],
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
        var token = _keys.CreateToken(new TestToken { Family = TokenFamily.Entra, TenantId = OwnTenant });

        Assert.Equal(BotAuthOutcome.Refused, (await Check(Validator(), token)).Outcome);
        Assert.Equal(BotAuthOutcome.Authenticated, (await Check(Validator(OwnTenant), token)).Outcome);
    }

    public static TheoryData<string> ForgedTokenKinds() => new(ForgedTokens.Kinds);

    [Theory]
    [MemberData(nameof(ForgedTokenKinds))]
    public async Task Forged_or_foreign_tokens_are_refused(string kind)
    {
        var token = ForgedTokens.Create(_keys, kind);

        var result = await Check(Validator(OwnTenant), token);

        Assert.Equal(BotAuthOutcome.Refused, result.Outcome);
        Assert.Null(result.Identity);
    }

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
    public async Task Webchat_activity_with_a_token_endorsed_for_webchat_is_refused_because_only_teams_is_served()
    {
        var token = _keys.CreateToken(new TestToken { SigningKey = _keys.WebchatOnlyKey, KeyId = OpenIdTestServer.WebchatOnlyKeyId });

        var result = await Check(Validator(), token, channel: "webchat");

        Assert.Equal(BotAuthOutcome.Refused, result.Outcome);
    }

    [Theory]
    [InlineData("directline")]
    [InlineData("emulator")]
    [InlineData("MSTEAMS")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Activity_from_another_channel_is_refused_even_with_a_teams_token(string? channel)
    {
        var result = await Check(Validator(), _keys.CreateToken(), channel: channel!);

        Assert.Equal(BotAuthOutcome.Refused, result.Outcome);
    }

    [Fact]
    public async Task Entra_v1_token_from_the_bot_service_is_accepted_with_appid_as_caller()
    {
        var result = await Check(Validator(), _keys.CreateToken(new TestToken { Family = TokenFamily.Entra, Version = "1.0" }));

        Assert.Equal(BotAuthOutcome.Authenticated, result.Outcome);
    }

    [Fact]
    public async Task Entra_token_from_the_bot_service_tenant_f8cdef31_is_accepted()
    {
        var token = _keys.CreateToken(new TestToken { Family = TokenFamily.Entra, TenantId = "f8cdef31-a31e-4b4a-93e4-5f571e91255a" });

        Assert.Equal(BotAuthOutcome.Authenticated, (await Check(Validator(), token)).Outcome);
    }

    [Fact]
    public async Task Entra_caller_is_accepted_only_when_allowed()
    {
        var token = _keys.CreateToken(new TestToken { Family = TokenFamily.Entra, Caller = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" });
        var allowing = new BotTokenValidator(
            OpenIdTestServer.AppId, null, ["aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"],
            new OpenIdKeySource(_keys.BotFrameworkMetadataUrl, _http, _time, new BotAuthOptions(), NullLogger.Instance),
            new OpenIdKeySource(_keys.EntraMetadataUrl, _http, _time, new BotAuthOptions(), NullLogger.Instance),
            NullLogger.Instance);

        Assert.Equal(BotAuthOutcome.Refused, (await Check(Validator(), token)).Outcome);
        Assert.Equal(BotAuthOutcome.Authenticated, (await Check(allowing, token)).Outcome);
    }

    [Theory]
    [InlineData("bearer ")]
    [InlineData("BEARER ")]
    [InlineData("Bearer  ")]
    [InlineData("Bearer\t")]
    public async Task Authorization_scheme_must_be_exactly_bearer_with_one_space(string prefix)
    {
        var result = await Validator().ValidateAsync(prefix + _keys.CreateToken(), "msteams", OpenIdTestServer.DefaultServiceUrl, CancellationToken.None);

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

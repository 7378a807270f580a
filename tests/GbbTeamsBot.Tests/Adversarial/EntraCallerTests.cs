using System.Net;
using GbbTeamsBot.Tests.Messages;
using GbbTeamsBot.TestServers;

namespace GbbTeamsBot.Tests.Adversarial;

/// <summary>Entra tokens say who is calling: ver with the matching issuer form, tid equal to the issuer's tenant, a key of that issuer, an allowed caller.</summary>
public sealed class EntraCallerTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private TestToken Entra => new() { Family = TokenFamily.Entra, ServiceUrl = _bot.Connector.ServiceUrl };

    public static TheoryData<string> Cases() => new(
        "foreign caller", "foreign v1 caller", "tid of another tenant", "missing ver", "ver 1.0 with the v2 issuer",
        "key of another issuer", "own app id from a foreign tenant");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Entra_token_that_does_not_say_the_bot_service_is_calling_is_refused_401(string kind)
    {
        var spec = kind switch
        {
            "foreign caller" => Entra with { Caller = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" },
            "foreign v1 caller" => Entra with { Version = "1.0", Caller = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee" },
            "tid of another tenant" => Entra with { TenantClaim = OpenIdTestServer.ForeignTenant },
            "missing ver" => Entra with { Version = null },
            "ver 1.0 with the v2 issuer" => Entra with { Version = "1.0", Issuer = OpenIdTestServer.EntraIssuer("2.0", OpenIdTestServer.BotServiceTenant) },
            "key of another issuer" => Entra with { SigningKey = _bot.Keys.EntraForeignIssuerKey, KeyId = OpenIdTestServer.EntraForeignIssuerKeyId },
            "own app id from a foreign tenant" => Entra with { Caller = OpenIdTestServer.AppId, TenantId = OpenIdTestServer.ForeignTenant },
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        using var response = await _bot.PostAsync(_bot.Message("ping entra"), _bot.Keys.CreateToken(spec));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Untouched.AssertAsync(_bot, "ping entra", "aaaaaaaa-bbbb");
    }

    [Theory]
    [InlineData("2.0", "d6d49420-f39b-4df7-a1dc-d59a935871db")]
    [InlineData("1.0", "d6d49420-f39b-4df7-a1dc-d59a935871db")]
    [InlineData("2.0", "f8cdef31-a31e-4b4a-93e4-5f571e91255a")]
    public async Task Entra_token_of_an_allowed_bot_service_caller_is_served(string version, string tenant)
    {
        using var response = await _bot.PostAsync(_bot.Message("ping entra"), _bot.Keys.CreateToken(Entra with { Version = version, TenantId = tenant }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _bot.Connector.WaitForAsync(r => r.Method == "POST");
    }
}

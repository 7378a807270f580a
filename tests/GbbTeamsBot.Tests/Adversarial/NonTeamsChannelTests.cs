using System.Net;
using System.Text.Json.Nodes;
using GbbTeamsBot.Tests.Messages;
using GbbTeamsBot.TestServers;

namespace GbbTeamsBot.Tests.Adversarial;

/// <summary>
/// Tenant and team come from channelData, which a Web Chat or Direct Line client writes itself. A token for another
/// channel plus forged channelData must never act inside a team: only msteams activities signed by msteams-endorsed keys.
/// </summary>
public sealed class NonTeamsChannelTests : IAsyncLifetime
{
    private const string ForgedTenant = "forged-tenant-4711";
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private JsonObject ForgedActivity(string channel)
    {
        var activity = _bot.Message("ping forged");
        activity["channelId"] = channel;
        activity["channelData"] = new JsonObject
        {
            ["team"] = new JsonObject { ["id"] = "19:someone-elses-team@thread.tacv2" },
            ["tenant"] = new JsonObject { ["id"] = ForgedTenant },
        };
        return activity;
    }

    [Theory]
    [InlineData("webchat")]
    [InlineData("directline")]
    public async Task Activity_of_another_channel_with_a_key_endorsed_for_it_and_forged_channel_data_is_refused_401(string channel)
    {
        var token = _bot.Keys.CreateToken(new TestToken { ServiceUrl = _bot.Connector.ServiceUrl, SigningKey = _bot.Keys.WebchatOnlyKey, KeyId = OpenIdTestServer.WebchatOnlyKeyId });

        using var response = await _bot.PostAsync(ForgedActivity(channel), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Untouched.AssertAsync(_bot, ForgedTenant, "ping forged");
    }

    [Theory]
    [InlineData("webchat", TokenFamily.BotFramework)]
    [InlineData("emulator", TokenFamily.BotFramework)]
    [InlineData("directline", TokenFamily.Entra)]
    [InlineData("MsTeams", TokenFamily.BotFramework)]
    public async Task Activity_of_another_channel_with_an_otherwise_valid_token_is_refused_401(string channel, TokenFamily family)
    {
        using var response = await _bot.PostAsync(ForgedActivity(channel), _bot.ValidToken(family));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Untouched.AssertAsync(_bot, ForgedTenant, "ping forged");
    }

    [Fact]
    public async Task Entra_token_signed_by_a_key_without_the_msteams_endorsement_is_refused_401()
    {
        var token = _bot.Keys.CreateToken(new TestToken
        {
            Family = TokenFamily.Entra,
            ServiceUrl = _bot.Connector.ServiceUrl,
            SigningKey = _bot.Keys.EntraUnendorsedKey,
            KeyId = OpenIdTestServer.EntraUnendorsedKeyId,
        });

        using var response = await _bot.PostAsync(ForgedActivity("msteams"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Untouched.AssertAsync(_bot, ForgedTenant, "ping forged");
    }
}

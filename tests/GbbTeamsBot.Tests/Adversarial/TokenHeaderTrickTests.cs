using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GbbTeamsBot.Bot;
using GbbTeamsBot.Tests.Messages;
using GbbTeamsBot.TestServers;

namespace GbbTeamsBot.Tests.Adversarial;

/// <summary>JWT header tricks and Authorization header variants: refused 401, nothing stored, nothing in the logs.</summary>
public sealed class TokenHeaderTrickTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Theory]
    [InlineData("jku header")]
    [InlineData("jwk header")]
    [InlineData("x5c header")]
    [InlineData("crit header")]
    [InlineData("jwe")]
    [InlineData("oversized kid")]
    public async Task Token_with_a_header_trick_is_refused_401(string kind)
    {
        var token = ForgedTokens.Create(_bot.Keys, kind, _bot.Connector.ServiceUrl);

        using var response = await _bot.PostAsync(_bot.Message("ping trick"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Untouched.AssertAsync(_bot, "ping trick", token[..40]);
    }

    [Theory]
    [InlineData("bearer")]
    [InlineData("BEARER")]
    public async Task Authorization_scheme_other_than_exactly_bearer_is_refused_401(string scheme)
    {
        var token = _bot.ValidToken();
        using var request = new HttpRequestMessage(HttpMethod.Post, BotEndpoints.MessagesPath)
        {
            Content = new StringContent(_bot.Message("ping trick").ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", scheme + " " + token);

        using var response = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Untouched.AssertAsync(_bot, "ping trick", token[..40]);
    }
}

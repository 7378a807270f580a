using System.Net;
using System.Text.Json.Nodes;
using GbbTeamsBot.Tests.Messages;

namespace GbbTeamsBot.Tests.Adversarial;

/// <summary>Where replies may go, what the logs may say about client ids, and how unreadable card actions are answered.</summary>
public sealed class OutboundGuardTests
{
    private static readonly Dictionary<string, string?> Production = new() { ["Bot:Credential:Type"] = "ManagedIdentity" };

    [Fact]
    public async Task Outside_development_an_http_service_url_is_refused_even_with_a_valid_token_and_nothing_is_sent()
    {
        await using var bot = await BotHost.StartAsync(Production, environment: "Production");

        using var response = await bot.PostAsync(bot.Message("ping outbound"), bot.ValidToken());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await Untouched.AssertAsync(bot, "ping outbound");
        Assert.Equal(0, bot.Credential.Calls);
    }

    [Fact]
    public async Task Outside_development_a_listed_loopback_host_is_served()
    {
        await using var bot = await BotHost.StartAsync(new Dictionary<string, string?>(Production) { ["Bot:Connector:AllowedServiceUrlHosts:0"] = "127.0.0.1" }, environment: "Production");

        using var response = await bot.PostAsync(bot.Message("ping"), bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await bot.Connector.WaitForAsync(r => r.Method == "POST");
    }

    [Fact]
    public async Task Client_ids_with_line_breaks_cannot_forge_log_lines()
    {
        await using var bot = await BotHost.StartAsync();
        var invoke = bot.Invoke("gbb.no.such.verb\r\nError: forged entry Frau Müller");
        invoke["id"] = "act\r\nCritical: forged";

        using var first = await bot.PostAsync(invoke, bot.ValidToken());
        using var repeat = await bot.PostAsync(invoke, bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, repeat.StatusCode);
        var logs = bot.Logs.ToArray();
        Assert.Contains(logs, l => l.Contains("unknown verb", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains('\n', StringComparison.Ordinal) && l.Contains("forged", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, l => l.Contains("Müller", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("de-DE", "Es wurde nichts geändert")]
    [InlineData("en-US", "Es wurde nichts geändert")]
    public async Task Numeric_verb_is_a_400_answer_in_the_teams_language_not_an_exception(string locale, string expected)
    {
        await using var bot = await BotHost.StartAsync();
        var invoke = bot.Invoke("x", locale: locale);
        invoke["value"]!["action"]!["verb"] = 42;

        using var response = await bot.PostAsync(invoke, bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int?)body["statusCode"]);
        Assert.Contains(expected, (string?)body["value"]!["message"], StringComparison.Ordinal);
        await Task.Delay(200);
        Assert.Empty(bot.Connector.Requests);
        Untouched.AssertLogsClean(bot);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using GbbTeamsBot.Bot;
using GbbTeamsBot.Tests.Messages;

namespace GbbTeamsBot.Tests.Adversarial;

/// <summary>Bodies that are not one clean JSON activity: 400, nothing stored, nothing of the body in the logs.</summary>
public sealed class MalformedJsonTests : IAsyncLifetime
{
    private BotHost _bot = null!;

    public async Task InitializeAsync() => _bot = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    private string Valid(string text = "ping malformed") => _bot.Message(text).ToJsonString();

    public static TheoryData<string> Cases() => new(
        "depth 65", "root array", "root string", "root null", "root number", "invalid utf-8", "byte order mark",
        "duplicate serviceUrl", "duplicate channelId in another case", "duplicate type", "trailing garbage", "unterminated");

    private byte[] Body(string kind)
    {
        var valid = Valid();
        var serviceUrl = _bot.Connector.ServiceUrl;
        return kind switch
        {
            "depth 65" => Encoding.UTF8.GetBytes(valid[..^1] + ",\"value\":" + string.Concat(Enumerable.Repeat("{\"a\":", 64)) + "1" + new string('}', 64) + "}"),
            "root array" => Encoding.UTF8.GetBytes("[" + valid + "]"),
            "root string" => Encoding.UTF8.GetBytes("\"" + valid.Replace("\"", "\\\"", StringComparison.Ordinal) + "\""),
            "root null" => "null"u8.ToArray(),
            "root number" => "4711"u8.ToArray(),
            "invalid utf-8" => [.. Encoding.UTF8.GetBytes(valid[..^1] + ",\"summary\":\""), 0xC3, 0x28, 0xFF, .. "\"}"u8.ToArray()],
            "byte order mark" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(valid)],
            "duplicate serviceUrl" => Encoding.UTF8.GetBytes(valid[..^1] + ",\"serviceUrl\":\"https://attacker.example/\"}"),
            "duplicate channelId in another case" => Encoding.UTF8.GetBytes(valid[..^1] + ",\"ChannelId\":\"webchat\"}"),
            "duplicate type" => Encoding.UTF8.GetBytes(valid[..^1] + ",\"type\":\"invoke\"}"),
            "trailing garbage" => Encoding.UTF8.GetBytes(valid + "{}"),
            "unterminated" => Encoding.UTF8.GetBytes(valid[..^10]),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Malformed_body_is_answered_400_and_changes_nothing(string kind)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, BotEndpoints.MessagesPath) { Content = new ByteArrayContent(Body(kind)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _bot.ValidToken());

        using var response = await _bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        await Untouched.AssertAsync(_bot, "ping malformed", "attacker.example");
    }

    [Theory]
    [InlineData("<at>GBB</at>")]
    [InlineData("<at>")]
    [InlineData("<at ")]
    public async Task One_mebibyte_of_mention_tags_is_answered_quickly_and_without_an_error(string tag)
    {
        var tags = new StringBuilder();
        while (tags.Length < 1000 * 1024 - 2000)
        {
            tags.Append(tag);
        }

        // Written into the JSON by hand: the serializer would escape every angle bracket to six bytes.
        var body = _bot.Message("TAGS").ToJsonString().Replace("TAGS", tags + " ping", StringComparison.Ordinal);
        Assert.InRange(Encoding.UTF8.GetByteCount(body), 900 * 1024, 1024 * 1024);

        using var response = await _bot.PostRawAsync(body, _bot.ValidToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The turn runs after the answer; its reply (the help card or pong) shows it finished without failing.
        await _bot.Connector.WaitForAsync(r => r.Method == "POST");
        Untouched.AssertLogsClean(_bot, tag + tag);
    }
}

using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GbbTeamsBot.DevStack.Local;

namespace GbbTeamsBot.Testing;

/// <summary>The chats the Playground offers, as configured in <see cref="PlaygroundConfig"/>.</summary>
public enum PlaygroundChat
{
    Personal,
    Group,
    TeamGeneral,
    TeamChannel,
}

/// <summary>
/// The Playground's own HTTP API, for driving it without a browser: send a message as the current user (what the UI
/// does) or post any activity to the bot as any configured user (custom activities, the only way to act as others).
/// </summary>
public sealed class PlaygroundApi : IDisposable
{
    private readonly HttpClient _http;

    public PlaygroundApi(Uri baseAddress, PlaygroundConfig config)
    {
        Config = config;
        BaseAddress = baseAddress;
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress { get; }

    public PlaygroundConfig Config { get; }

    /// <summary>The Bot Connector service URL the Playground gives the bot.</summary>
    public Uri ServiceUrl => new(BaseAddress, "_connector");

    public string ConversationId(PlaygroundChat chat) => chat switch
    {
        PlaygroundChat.Personal => Config.PersonalChatId,
        PlaygroundChat.Group => Config.GroupChatId,
        PlaygroundChat.TeamGeneral => Config.TeamId,
        PlaygroundChat.TeamChannel => Config.Channel.Id,
        _ => throw new ArgumentOutOfRangeException(nameof(chat)),
    };

    /// <summary>
    /// Sends a message as the current user, like typing it in the UI. Outside the personal chat the Playground forwards
    /// it to the bot only when the bot is @mentioned, so <paramref name="mentionBot"/> adds the mention.
    /// Returns the Playground's answer (messageId, and postConversationId for a new channel post).
    /// </summary>
    public async Task<JsonObject> SendMessageAsync(PlaygroundChat chat, string text, bool? mentionBot = null, CancellationToken cancellationToken = default)
    {
        var mention = mentionBot ?? chat != PlaygroundChat.Personal;
        var body = new JsonObject
        {
            ["type"] = "text",
            ["text"] = mention ? $"{BotMentionText} {text}" : text,
            ["textFormat"] = "plain",
            ["from"] = new JsonObject { ["id"] = Config.CurrentUser.Id },
        };
        if (mention)
        {
            body["mentions"] = new JsonArray(new JsonObject
            {
                ["mentioned"] = new JsonObject { ["id"] = Config.BotId.ToString(), ["name"] = Config.BotName },
                ["text"] = BotMentionText,
            });
        }

        using var response = await _http.PostAsJsonAsync(
            $"_conversation/v1/conversations/{Uri.EscapeDataString(ConversationId(chat))}/messages", body, cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    /// <summary>
    /// Builds a Teams message activity as the Playground would send it, but from <paramref name="user"/> (any of the
    /// configured users). Adjust it (e.g. value for card submits) and post it with <see cref="SendCustomActivityAsync"/>.
    /// </summary>
    public JsonObject MessageFrom(PlaygroundUser user, PlaygroundChat chat, string text, bool? mentionBot = null)
    {
        ArgumentNullException.ThrowIfNull(user);
        var mention = mentionBot ?? chat != PlaygroundChat.Personal;
        var conversation = new JsonObject
        {
            ["id"] = ConversationId(chat),
            ["tenantId"] = Config.TenantId.ToString(),
            ["conversationType"] = chat switch
            {
                PlaygroundChat.Personal => "personal",
                PlaygroundChat.Group => "groupChat",
                _ => "channel",
            },
        };
        if (chat != PlaygroundChat.Personal)
        {
            conversation["isGroup"] = true;
        }

        var channelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Config.TenantId.ToString() } };
        if (chat is PlaygroundChat.TeamGeneral or PlaygroundChat.TeamChannel)
        {
            channelData["teamsTeamId"] = Config.TeamId;
            channelData["teamsChannelId"] = ConversationId(chat);
            channelData["team"] = new JsonObject { ["id"] = Config.TeamId };
            channelData["channel"] = new JsonObject { ["id"] = ConversationId(chat) };
        }

        var entities = new JsonArray();
        if (mention)
        {
            entities.Add(new JsonObject
            {
                ["type"] = "mention",
                ["mentioned"] = new JsonObject { ["id"] = Config.BotId.ToString(), ["name"] = Config.BotName },
                ["text"] = BotMentionText,
            });
        }

        var now = DateTimeOffset.UtcNow;
        return new JsonObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString(),
            ["timestamp"] = now.ToString("O"),
            ["localTimestamp"] = now.ToString("O"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = ServiceUrl.ToString(),
            ["from"] = new JsonObject { ["id"] = user.Id, ["name"] = user.Name, ["aadObjectId"] = user.AadObjectId.ToString() },
            ["recipient"] = new JsonObject { ["id"] = Config.BotId.ToString(), ["name"] = Config.BotName },
            ["conversation"] = conversation,
            ["text"] = mention ? $"{BotMentionText} {text}" : text,
            ["textFormat"] = "plain",
            ["locale"] = "de-DE",
            ["entities"] = entities,
            ["channelData"] = channelData,
        };
    }

    /// <summary>Posts any activity to the bot through the Playground (POST /_internal/v1/customActivities, unvalidated).</summary>
    public async Task SendCustomActivityAsync(JsonObject activity, CancellationToken cancellationToken = default)
    {
        using var response = await _http.PostAsJsonAsync("_internal/v1/customActivities", activity, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
    }

    /// <summary>The Playground's view of its config (ids of chats, team, users).</summary>
    public async Task<JsonObject> GetConfigAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync(new Uri("_internal/v1/config", UriKind.Relative), cancellationToken);
        return await ReadJsonAsync(response, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    private string BotMentionText => $"<at>{Config.BotName}</at>";

    private static async Task<JsonObject> ReadJsonAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await EnsureSuccessAsync(response, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return text.Length == 0 ? [] : JsonNode.Parse(text)?.AsObject() ?? [];
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"Playground answered {(int)response.StatusCode} for {response.RequestMessage?.RequestUri}: {body}");
        }
    }
}

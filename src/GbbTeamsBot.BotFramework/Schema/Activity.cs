using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace GbbTeamsBot.BotFramework.Schema;

/// <summary>
/// The Bot Framework activity, reduced to the fields this bot reads or writes. Unknown fields are ignored on input;
/// <see cref="ChannelData"/>, <see cref="Value"/> and entities are kept as raw JSON so nothing Teams sends is lost.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public DateTimeOffset? LocalTimestamp { get; init; }
    public string? ServiceUrl { get; init; }
    public string? ChannelId { get; init; }
    public ChannelAccount? From { get; init; }
    public ConversationAccount? Conversation { get; init; }
    public ChannelAccount? Recipient { get; init; }
    public string? TextFormat { get; init; }
    public string? Text { get; init; }
    public string? Summary { get; init; }
    public string? Locale { get; init; }
    public string? ReplyToId { get; init; }
    public string? Name { get; init; }
    public string? Action { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }
    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }
    public IReadOnlyList<Attachment>? Attachments { get; init; }
    public IReadOnlyList<JsonElement>? Entities { get; init; }
    public JsonElement? Value { get; init; }
    public JsonElement? ChannelData { get; init; }

    /// <summary>A message activity with text.</summary>
    public static Activity CreateMessage(string text) => new() { Type = ActivityTypes.Message, Text = text, TextFormat = "plain" };

    /// <summary>A message activity carrying one Adaptive Card.</summary>
    public static Activity CreateCard(JsonObject card, string? summary = null) => new()
    {
        Type = ActivityTypes.Message,
        Summary = summary,
        Attachments = [new Attachment(Attachment.AdaptiveCardContentType, card)],
    };

    /// <summary>Teams-specific fields of <see cref="ChannelData"/>, read case-insensitively.</summary>
    [JsonIgnore]
    public TeamsChannelData Teams => TeamsChannelData.From(ChannelData);

    [JsonIgnore]
    public bool IsInvoke => string.Equals(Type, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase);

    public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);
}

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Event = "event";
    public const string Invoke = "invoke";
    public const string MessageReaction = "messageReaction";
    public const string Typing = "typing";
}

public sealed record ChannelAccount
{
    public ChannelAccount() { }

    public ChannelAccount(string id, string? name = null)
    {
        Id = id;
        Name = name;
    }

    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? Role { get; init; }
}

public sealed record ConversationAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? ConversationType { get; init; }
    public bool? IsGroup { get; init; }
    public string? TenantId { get; init; }
}

public sealed record Attachment(string ContentType, JsonNode? Content)
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>For file attachments: where the file is (a data URI for small files such as the CSV export).</summary>
    public string? ContentUrl { get; init; }

    /// <summary>For file attachments: the file name shown.</summary>
    public string? Name { get; init; }
}

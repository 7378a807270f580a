using System.Text.Json;
using System.Text.Json.Nodes;

namespace GbbTeamsBot.Cards;

/// <summary>
/// An Adaptive Card (schema 1.5, the subset Teams renders). Immutable; serialize with <see cref="ToJson()"/>.
/// </summary>
public sealed record AdaptiveCard
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string SchemaUrl = "http://adaptivecards.io/schemas/adaptive-card.json";
    public const string Version = "1.5";

    /// <summary>Teams refreshes the card for at most this many users (refresh.userIds).</summary>
    public const int MaxRefreshUserIds = 60;

    private static readonly JsonSerializerOptions CompactJson = new() { WriteIndented = false };

    public IReadOnlyList<CardElement> Body { get; init; } = [];

    public IReadOnlyList<CardAction> Actions { get; init; } = [];

    /// <summary>Shown by clients that cannot render the card (and in notifications).</summary>
    public string? FallbackText { get; init; }

    /// <summary>Stretches the card to the full message width in Teams (msteams.width = "Full").</summary>
    public bool FullWidth { get; init; } = true;

    public CardRefresh? Refresh { get; init; }

    public JsonObject ToJson() => ToJson(nested: false);

    public string ToJsonString() => ToJson().ToJsonString(CompactJson);

    internal JsonObject ToJson(bool nested)
    {
        var json = new JsonObject { ["type"] = "AdaptiveCard" };
        if (!nested)
        {
            json["$schema"] = SchemaUrl;
            json["version"] = Version;
        }

        json["body"] = CardElement.ToArray(Body);
        if (Actions.Count > 0)
        {
            json["actions"] = CardAction.ToArray(Actions);
        }

        if (!nested)
        {
            if (FallbackText is not null)
            {
                json["fallbackText"] = FallbackText;
            }

            if (Refresh is not null)
            {
                json["refresh"] = Refresh.ToJson();
            }

            if (FullWidth)
            {
                json["msteams"] = new JsonObject { ["width"] = "Full" };
            }
        }

        return json;
    }
}

/// <summary>
/// Card refresh for user-specific views: Teams invokes <see cref="Action"/> (trigger "automatic") for each listed user.
/// </summary>
public sealed record CardRefresh
{
    public CardRefresh(ExecuteAction action, IReadOnlyList<string> userIds)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(userIds);
        if (userIds.Count > AdaptiveCard.MaxRefreshUserIds)
        {
            throw new ArgumentException(
                $"Teams refreshes at most {AdaptiveCard.MaxRefreshUserIds} users; got {userIds.Count}.", nameof(userIds));
        }

        Action = action;
        UserIds = userIds;
    }

    public ExecuteAction Action { get; }

    public IReadOnlyList<string> UserIds { get; }

    public JsonObject ToJson()
    {
        // The refresh action is invoked without a click, so it must not carry a fallback.
        var action = (Action with { Fallback = null }).ToJson();
        return new JsonObject
        {
            ["action"] = action,
            ["userIds"] = new JsonArray(UserIds.Select(id => (JsonNode)JsonValue.Create(id)).ToArray()),
        };
    }
}

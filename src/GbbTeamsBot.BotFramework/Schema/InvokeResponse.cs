using System.Text.Json.Nodes;

namespace GbbTeamsBot.BotFramework.Schema;

/// <summary>
/// The synchronous answer to an invoke: HTTP <see cref="Status"/> with <see cref="Body"/> as JSON (no body when null).
/// For adaptiveCard/action the HTTP status is always 200 and the body carries its own statusCode.
/// </summary>
public sealed record InvokeResponse(int Status, JsonNode? Body)
{
    public const string CardResponseType = "application/vnd.microsoft.card.adaptive";
    public const string MessageResponseType = "application/vnd.microsoft.activity.message";
    public const string ErrorResponseType = "application/vnd.microsoft.error";

    /// <summary>200 without a body: the invoke was received, nothing to show.</summary>
    public static InvokeResponse Empty { get; } = new(200, null);

    /// <summary>Replaces the card for the user who acted.</summary>
    public static InvokeResponse Card(JsonObject card) => Universal(200, CardResponseType, card);

    /// <summary>Shows a short text to the user who acted.</summary>
    public static InvokeResponse Message(string text) => Universal(200, MessageResponseType, JsonValue.Create(text));

    /// <summary>An error the Teams client shows; HTTP stays 200 as the Universal Actions contract requires.</summary>
    public static InvokeResponse Error(int statusCode, string code, string message) =>
        Universal(statusCode, ErrorResponseType, new JsonObject { ["code"] = code, ["message"] = message });

    private static InvokeResponse Universal(int statusCode, string type, JsonNode? value) =>
        new(200, new JsonObject { ["statusCode"] = statusCode, ["type"] = type, ["value"] = value });
}

using System.Text.Json;

namespace GbbTeamsBot.BotFramework.Schema;

/// <summary>
/// The Teams fields of channelData the bot needs, looked up case-insensitively because Teams payloads are not
/// consistent in their casing. The raw channelData stays on the activity.
/// </summary>
public sealed record TeamsChannelData(
    string? TenantId,
    string? TeamId,
    string? TeamName,
    string? ChannelId,
    string? MeetingId,
    string? EventType,
    string? SelectedChannelId)
{
    /// <summary>
    /// The channel's membership type as Teams sends it on channel activities (channelData.channel.type, or
    /// membershipType): "standard", "private" or "shared"; null when not sent (then the channel counts as standard).
    /// </summary>
    public string? ChannelType { get; init; }

    public static TeamsChannelData From(JsonElement? channelData)
    {
        if (channelData is not { ValueKind: JsonValueKind.Object } data)
        {
            return new TeamsChannelData(null, null, null, null, null, null, null);
        }

        return new TeamsChannelData(
            TenantId: Json.String(data, "tenant", "id"),
            TeamId: Json.String(data, "team", "id") ?? Json.String(data, "teamsTeamId"),
            TeamName: Json.String(data, "team", "name"),
            ChannelId: Json.String(data, "channel", "id") ?? Json.String(data, "teamsChannelId"),
            MeetingId: Json.String(data, "meeting", "id"),
            EventType: Json.String(data, "eventType"),
            SelectedChannelId: Json.String(data, "settings", "selectedChannel", "id"))
        {
            ChannelType = Json.String(data, "channel", "type") ?? Json.String(data, "channel", "membershipType"),
        };
    }
}

/// <summary>Case-insensitive navigation in raw JSON (Teams sends both "Members" and "members").</summary>
public static class Json
{
    public static JsonElement? Property(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (element.TryGetProperty(name, out var exact))
        {
            return exact;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    public static JsonElement? Path(JsonElement element, params string[] path)
    {
        JsonElement? current = element;
        foreach (var name in path)
        {
            current = current is { } value ? Property(value, name) : null;
        }

        return current;
    }

    public static string? String(JsonElement element, params string[] path) =>
        Path(element, path) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;
}

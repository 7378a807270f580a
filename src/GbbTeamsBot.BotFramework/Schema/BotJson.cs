using System.Text.Json;
using System.Text.Json.Serialization;

namespace GbbTeamsBot.BotFramework.Schema;

/// <summary>The one set of JSON options for the wire: camelCase out, case-insensitive in, nulls left out, duplicate keys refused.</summary>
public static class BotJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        AllowTrailingCommas = false,
        MaxDepth = 64,
        // A second "serviceUrl" or "channelId" must not let one reader see another value than the next.
        AllowDuplicateProperties = false,
    };
}

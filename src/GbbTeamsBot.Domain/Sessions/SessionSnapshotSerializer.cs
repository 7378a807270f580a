using System.Text.Json;
using System.Text.Json.Serialization;

namespace GbbTeamsBot.Domain.Sessions;

/// <summary>
/// The JSON form of a <see cref="SessionSnapshot"/> for storage: camelCase, enums as strings, computed properties
/// left out. Pure (no I/O); the storage layer decides where the text goes.
/// </summary>
public static class SessionSnapshotSerializer
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static string Serialize(SessionSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Options);

    public static SessionSnapshot Deserialize(string json) =>
        JsonSerializer.Deserialize<SessionSnapshot>(json, Options)
        ?? throw new JsonException("Empty session snapshot.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            IgnoreReadOnlyProperties = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}

using System.Text.Json;

namespace GbbTeamsBot.BotFramework.Schema;

/// <summary>Meeting start/end and participant events; Teams mixes PascalCase and camelCase keys, so all reads ignore case.</summary>
public static class MeetingEvents
{
    public const string Start = "application/vnd.microsoft.meetingStart";
    public const string End = "application/vnd.microsoft.meetingEnd";
    public const string ParticipantJoin = "application/vnd.microsoft.meetingParticipantJoin";
    public const string ParticipantLeave = "application/vnd.microsoft.meetingParticipantLeave";

    public static MeetingLifecycleEvent? ReadLifecycle(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!activity.IsType(ActivityTypes.Event) || activity.Value is not { ValueKind: JsonValueKind.Object } value)
        {
            return null;
        }

        var started = string.Equals(activity.Name, Start, StringComparison.OrdinalIgnoreCase);
        var ended = string.Equals(activity.Name, End, StringComparison.OrdinalIgnoreCase);
        if (!started && !ended)
        {
            return null;
        }

        var time = Json.String(value, started ? "StartTime" : "EndTime");
        return new MeetingLifecycleEvent(
            started,
            Json.String(value, "Id") ?? activity.Teams.MeetingId,
            Json.String(value, "MeetingType"),
            Json.String(value, "Title"),
            DateTimeOffset.TryParse(time, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null);
    }

    public static IReadOnlyList<MeetingParticipantEvent> ReadParticipants(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!activity.IsType(ActivityTypes.Event) || activity.Value is not { ValueKind: JsonValueKind.Object } value
            || Json.Property(value, "members") is not { ValueKind: JsonValueKind.Array } members)
        {
            return [];
        }

        var joined = string.Equals(activity.Name, ParticipantJoin, StringComparison.OrdinalIgnoreCase);
        var result = new List<MeetingParticipantEvent>();
        foreach (var member in members.EnumerateArray())
        {
            var inMeeting = Json.Path(member, "meeting", "inMeeting") is { ValueKind: JsonValueKind.True or JsonValueKind.False } flag
                ? flag.GetBoolean()
                : joined;
            result.Add(new MeetingParticipantEvent(
                Json.String(member, "user", "id"),
                Json.String(member, "user", "aadObjectId"),
                Json.String(member, "meeting", "role"),
                inMeeting));
        }

        return result;
    }
}

public sealed record MeetingLifecycleEvent(bool Started, string? MeetingId, string? MeetingType, string? Title, DateTimeOffset? At);

public sealed record MeetingParticipantEvent(string? UserId, string? AadObjectId, string? Role, bool InMeeting);

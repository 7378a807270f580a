using System.Text.Json;
using GbbTeamsBot.BotFramework.Schema;

namespace GbbTeamsBot.BotFramework.Connector;

/// <summary>Answer to a send, reply or update: the activity id Teams assigned.</summary>
public sealed record ResourceResponse(string? Id);

public sealed record ConversationResourceResponse(string? Id, string? ActivityId, string? ServiceUrl);

/// <summary>Body of POST v3/conversations (1:1 with members, or a new channel thread with channelData.channel and an activity).</summary>
public sealed record ConversationParameters
{
    public bool? IsGroup { get; init; }
    public ChannelAccount? Bot { get; init; }
    public IReadOnlyList<ChannelAccount>? Members { get; init; }
    public string? TenantId { get; init; }
    public Activity? Activity { get; init; }
    public JsonElement? ChannelData { get; init; }

    /// <summary>A personal chat between the bot and one user (the app must be installed for that user).</summary>
    public static ConversationParameters OneToOne(string botId, string userId, string tenantId) => new()
    {
        IsGroup = false,
        Bot = new ChannelAccount(botId),
        Members = [new ChannelAccount(userId)],
        TenantId = tenantId,
        ChannelData = JsonSerializer.SerializeToElement(new { tenant = new { id = tenantId } }),
    };

    /// <summary>A new thread (post) in a team channel, opened with <paramref name="firstMessage"/>.</summary>
    public static ConversationParameters ChannelThread(string channelId, Activity firstMessage, string? tenantId = null) => new()
    {
        IsGroup = true,
        Activity = firstMessage,
        TenantId = tenantId,
        ChannelData = JsonSerializer.SerializeToElement(new { channel = new { id = channelId }, tenant = tenantId is null ? null : new { id = tenantId } }, BotJson.Options),
    };
}

public sealed record TeamsChannelAccount
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? AadObjectId { get; init; }
    public string? GivenName { get; init; }
    public string? Surname { get; init; }
    public string? Email { get; init; }
    public string? UserPrincipalName { get; init; }
    public string? TenantId { get; init; }
    public string? UserRole { get; init; }
}

public sealed record PagedMembersResult(string? ContinuationToken, IReadOnlyList<TeamsChannelAccount>? Members);

public sealed record TeamDetails(string? Id, string? Name, string? AadGroupId, int? ChannelCount, int? MemberCount, string? Type);

public sealed record ChannelInfo(string? Id, string? Name, string? Type);

public sealed record ConversationList(IReadOnlyList<ChannelInfo>? Conversations);

public sealed record MeetingDetails(string? Id, string? MsGraphResourceId, DateTimeOffset? ScheduledStartTime, DateTimeOffset? ScheduledEndTime, string? JoinUrl, string? Title, string? Type);

public sealed record MeetingInfo(MeetingDetails? Details, ConversationAccount? Conversation, TeamsChannelAccount? Organizer);

public sealed record MeetingParticipantInfo(string? Role, bool? InMeeting);

public sealed record TeamsMeetingParticipant(TeamsChannelAccount? User, MeetingParticipantInfo? Meeting, ConversationAccount? Conversation);

/// <summary>Body of POST v1/meetings/{id}/notification: a targeted in-meeting notification.</summary>
public sealed record TargetedMeetingNotification
{
    public string Type { get; init; } = "targetedMeetingNotification";
    public required TargetedMeetingNotificationValue Value { get; init; }
    public JsonElement? ChannelData { get; init; }

    /// <summary>A meeting-stage dialog for the given 29: MRIs showing <paramref name="url"/> (its domain must be in validDomains).</summary>
    public static TargetedMeetingNotification Stage(IReadOnlyList<string> recipients, string title, Uri url, int width = 400, int height = 300) => new()
    {
        Value = new TargetedMeetingNotificationValue(recipients,
        [
            new MeetingNotificationSurface("meetingStage", "task", JsonSerializer.SerializeToElement(new
            {
                value = new { height = height.ToString(System.Globalization.CultureInfo.InvariantCulture), width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), title, url = url.ToString() },
            })),
        ]),
    };
}

public sealed record TargetedMeetingNotificationValue(IReadOnlyList<string> Recipients, IReadOnlyList<MeetingNotificationSurface> Surfaces);

public sealed record MeetingNotificationSurface(string Surface, string ContentType, JsonElement Content, string? TabEntityId = null);

/// <summary>207 answer: recipients the notification did not reach. Null or empty when all succeeded (202).</summary>
public sealed record MeetingNotificationResponse(IReadOnlyList<MeetingNotificationRecipientFailure>? RecipientsFailureInfo);

public sealed record MeetingNotificationRecipientFailure(string? RecipientMri, string? ErrorCode, string? FailureReason);

namespace GbbTeamsBot.Graph;

// The ports the application layer calls. Their shapes are the application's (ids, dates, texts it chose); no Graph
// SDK type crosses them, so the application and its tests do not depend on the SDK.

/// <summary>Outlook calendar: an event with a Teams meeting in the organiser's calendar.</summary>
public interface IMeetingCalendar
{
    /// <summary>
    /// Creates the event; <see cref="MeetingRequest.TransactionId"/> makes Graph answer a repeated create (after a timeout)
    /// with the event it already made instead of a second one.
    /// </summary>
    Task<ScheduledMeeting> CreateMeetingAsync(MeetingRequest request, CancellationToken cancellationToken);
}

public sealed record MeetingRequest(
    string OrganizerId,
    string Subject,
    string BodyHtml,
    DateTimeOffset Start,
    TimeSpan Duration,
    IReadOnlyList<string> AttendeeAddresses,
    string TransactionId);

public sealed record ScheduledMeeting(string EventId, string? JoinUrl, string? WebLink);

/// <summary>Planner: a team's plan and its tasks.</summary>
public interface ITaskBoard
{
    Task<BoardTask> CreateTaskAsync(NewBoardTask task, CancellationToken cancellationToken);

    /// <summary>The task, or null when it was deleted in Planner.</summary>
    Task<BoardTask?> GetTaskAsync(string taskId, CancellationToken cancellationToken);

    /// <summary>Every task of the plan (all pages).</summary>
    Task<IReadOnlyList<BoardTask>> ListTasksAsync(string planId, CancellationToken cancellationToken);

    /// <summary>Sets the task complete (100) or open (0) with If-Match; a changed task gives a Conflict failure.</summary>
    Task SetCompletedAsync(string taskId, string etag, bool completed, CancellationToken cancellationToken);

    /// <summary>Sets the task's description (shown on the card in Planner): GET details for the ETag, PATCH with If-Match.</summary>
    Task SetDescriptionAsync(string taskId, string description, CancellationToken cancellationToken);
}

public sealed record NewBoardTask(string PlanId, string Title, DateOnly? Due, string? AssigneeObjectId);

public sealed record BoardTask(string Id, string PlanId, string Title, bool IsCompleted, string? ETag);

/// <summary>The files of a team channel (its SharePoint folder).</summary>
public interface IChannelFiles
{
    /// <summary>Uploads (or replaces, which makes a new version) a file in the channel's files folder.</summary>
    Task<FiledDocument> UploadAsync(string teamGroupId, string channelId, string fileName, byte[] content, CancellationToken cancellationToken);
}

public sealed record FiledDocument(string ItemId, string? WebUrl);

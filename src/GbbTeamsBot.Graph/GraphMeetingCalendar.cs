using System.Globalization;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace GbbTeamsBot.Graph;

/// <summary>POST /users/{organizer}/events with isOnlineMeeting (Teams), in UTC, with the caller's transactionId.</summary>
public sealed class GraphMeetingCalendar(GraphServiceClient client) : IMeetingCalendar
{
    public async Task<ScheduledMeeting> CreateMeetingAsync(MeetingRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = GraphMapping.ToEvent(request);
        var created = await GraphErrors.CallAsync(
            () => client.Users[request.OrganizerId].Events.PostAsync(body, cancellationToken: cancellationToken),
            cancellationToken).ConfigureAwait(false);
        return new ScheduledMeeting(created?.Id ?? string.Empty, created?.OnlineMeeting?.JoinUrl, created?.WebLink);
    }
}

/// <summary>The mapping between the ports' records and Graph's models (unit-tested without HTTP).</summary>
public static class GraphMapping
{
    public static Event ToEvent(MeetingRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new Event
        {
            Subject = request.Subject,
            Body = new ItemBody { ContentType = BodyType.Html, Content = request.BodyHtml },
            Start = Utc(request.Start),
            End = Utc(request.Start + request.Duration),
            IsOnlineMeeting = true,
            OnlineMeetingProvider = OnlineMeetingProviderType.TeamsForBusiness,
            TransactionId = request.TransactionId,
            Attendees = request.AttendeeAddresses
                .Select(a => new Attendee { Type = AttendeeType.Required, EmailAddress = new EmailAddress { Address = a } })
                .ToList(),
        };
    }

    public static PlannerTask ToPlannerTask(NewBoardTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        var planner = new PlannerTask
        {
            PlanId = task.PlanId,
            Title = task.Title,
            DueDateTime = task.Due is { } due ? new DateTimeOffset(due.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero) : null,
        };
        if (!string.IsNullOrWhiteSpace(task.AssigneeObjectId))
        {
            planner.Assignments = new PlannerAssignments
            {
                AdditionalData = new Dictionary<string, object>
                {
                    [task.AssigneeObjectId] = new PlannerAssignment { OdataType = "#microsoft.graph.plannerAssignment", OrderHint = " !" },
                },
            };
        }

        return planner;
    }

    public static BoardTask ToBoardTask(PlannerTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new BoardTask(task.Id ?? string.Empty, task.PlanId ?? string.Empty, task.Title ?? string.Empty, task.PercentComplete == 100, ETagOf(task.AdditionalData));
    }

    /// <summary>Planner sends its ETag as "@odata.etag" in the body; the SDK keeps it in AdditionalData.</summary>
    public static string? ETagOf(IDictionary<string, object>? additionalData) =>
        additionalData is not null && additionalData.TryGetValue("@odata.etag", out var value) ? value?.ToString() : null;

    private static DateTimeTimeZone Utc(DateTimeOffset instant) => new()
    {
        DateTime = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        TimeZone = "UTC",
    };
}

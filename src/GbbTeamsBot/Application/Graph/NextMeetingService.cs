using System.Globalization;
using System.Net;
using GbbTeamsBot.Domain.Teams;
using GbbTeamsBot.Graph;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Application.Graph;

/// <summary>What "Nächsten Termin planen" asks for: when, how long, whom, and who organises (Entra object id).</summary>
public sealed record NextMeetingRequest(
    SessionAddress Session,
    string RequestId,
    string OrganizerObjectId,
    DateTimeOffset Start,
    TimeSpan Duration,
    IReadOnlyList<string> Attendees,
    string MethodName,
    string? CasePseudonym);

/// <summary>The outcome for the card: the result and, when the event exists, its start and join link.</summary>
public sealed record NextMeetingOutcome(GraphWorkResult Result, DateTimeOffset? Start = null, string? JoinUrl = null);

/// <summary>The stored intent of an event (the GraphWork row's payload); subject and text carry method and pseudonym only.</summary>
public sealed class MeetingPayload
{
    public string Organizer { get; set; } = string.Empty;

    public DateTimeOffset Start { get; set; }

    public int Minutes { get; set; }

    public List<string> Attendees { get; set; } = [];

    public string Subject { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public string TransactionId { get; set; } = string.Empty;

    public string SessionId { get; set; } = string.Empty;
}

/// <summary>
/// Schedules the next meeting of a session as an Outlook event with a Teams meeting in the organiser's calendar. The
/// intent is stored first (one row per session and card request), then Graph is called with a transactionId derived
/// from that row, so a repeated click, a retry after a timeout or the background retry never makes a second event.
/// </summary>
public sealed class NextMeetingService(
    GraphWorkRepository work,
    TeamSettingsService settings,
    IMeetingCalendar calendar,
    IOptions<GraphOptions> options,
    TimeProvider time)
{
    public const int MaxAttendees = 30;

    public async Task<NextMeetingOutcome> ScheduleAsync(NextMeetingRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = request.Session.Scope;
        var features = (await settings.GetAsync(scope.TenantId, scope.TeamId, cancellationToken)).Graph ?? GraphFeatures.Off;
        if (!options.Value.Enabled || !features.Calendar)
        {
            return new NextMeetingOutcome(GraphWorkResult.Off);
        }

        var key = request.Session.SessionId + "/" + request.RequestId;
        var now = time.GetUtcNow();
        var stored = await work.GetAsync(scope, GraphWorkKinds.Event, key, cancellationToken);
        if (stored is null)
        {
            var what = string.IsNullOrWhiteSpace(request.CasePseudonym) ? request.MethodName : request.MethodName + " – " + request.CasePseudonym;
            var payload = new MeetingPayload
            {
                Organizer = request.OrganizerObjectId,
                Start = request.Start,
                Minutes = (int)request.Duration.TotalMinutes,
                Attendees = request.Attendees.Take(MaxAttendees).ToList(),
                Subject = "Nächster Termin: " + what,
                Body = "<p>" + WebUtility.HtmlEncode(what) + "</p><p>Die Agenda kommt zu Beginn der Besprechung vom GBB-Bot in Teams.</p>",
                TransactionId = GraphRetry.TransactionId(scope, key),
                SessionId = request.Session.SessionId,
            };
            var record = new GraphWorkRecord(GraphWorkKinds.Event, key, GraphWorkRepository.Pending, 0, now, null, null, null, GraphRetry.Json(payload), null, now);
            try
            {
                await work.InsertAsync(scope, record, cancellationToken);
            }
            catch (TableConflictException)
            {
                // A double click stored it first; go on with that row.
            }

            stored = await work.GetAsync(scope, GraphWorkKinds.Event, key, cancellationToken);
        }

        return stored is null ? new NextMeetingOutcome(GraphWorkResult.Deferred) : await AttemptAsync(stored, cancellationToken);
    }

    /// <summary>The team's events whose retry is due (the background sync calls this).</summary>
    public async Task<int> RetryDueAsync(TeamScope scope, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = (await work.ListForTeamAsync(scope, GraphWorkKinds.Event, cancellationToken))
            .Where(w => w.Work.State == GraphWorkRepository.Pending && w.Work.NextAttemptAt <= now)
            .ToList();
        foreach (var item in due)
        {
            await AttemptAsync(item, cancellationToken);
        }

        return due.Count;
    }

    private async Task<NextMeetingOutcome> AttemptAsync(StoredGraphWork stored, CancellationToken cancellationToken)
    {
        var payload = GraphRetry.Parse<MeetingPayload>(stored.Work.Payload);
        switch (stored.Work.State)
        {
            case GraphWorkRepository.Done:
                return new NextMeetingOutcome(GraphWorkResult.Done, payload.Start, stored.Work.RemoteUrl);
            case GraphWorkRepository.Failed:
                return new NextMeetingOutcome(ResultOfStoredError(stored.Work.LastError), payload.Start);
        }

        var now = time.GetUtcNow();
        var attempt = stored.Work with { Attempts = stored.Work.Attempts + 1, UpdatedAt = now };
        Azure.ETag etag;
        try
        {
            // The attempt is counted before the call: a crash in between is retried, and Graph's transactionId makes
            // that retry return the event instead of making a second one.
            etag = await work.UpdateAsync(stored.Scope, attempt, stored.ETag, cancellationToken);
        }
        catch (TablePreconditionFailedException)
        {
            return new NextMeetingOutcome(GraphWorkResult.Deferred, payload.Start);
        }

        try
        {
            var created = await calendar.CreateMeetingAsync(
                new MeetingRequest(payload.Organizer, payload.Subject, payload.Body, payload.Start, TimeSpan.FromMinutes(payload.Minutes), payload.Attendees, payload.TransactionId),
                cancellationToken);
            var done = attempt with
            {
                State = GraphWorkRepository.Done,
                RemoteId = created.EventId,
                RemoteUrl = created.JoinUrl ?? created.WebLink,
                LastError = null,
                UpdatedAt = time.GetUtcNow(),
            };
            await work.UpdateAsync(stored.Scope, done, etag, cancellationToken);
            return new NextMeetingOutcome(GraphWorkResult.Done, payload.Start, done.RemoteUrl);
        }
        catch (GraphCallException failure)
        {
            var after = GraphRetry.AfterFailure(attempt, failure, options.Value, time.GetUtcNow());
            await work.UpdateAsync(stored.Scope, after, etag, cancellationToken);
            return new NextMeetingOutcome(after.State == GraphWorkRepository.Pending ? GraphWorkResult.Deferred : GraphRetry.ResultOf(failure), payload.Start);
        }
    }

    private static GraphWorkResult ResultOfStoredError(string? lastError) => lastError?.Split(':')[0] switch
    {
        nameof(GraphFailureKind.PermissionMissing) => GraphWorkResult.PermissionMissing,
        nameof(GraphFailureKind.NotFound) => GraphWorkResult.NotFound,
        _ => GraphWorkResult.Rejected,
    };

    /// <summary>Parses the card's date (yyyy-MM-dd) and time (HH:mm) in the team's time zone.</summary>
    public static DateTimeOffset? ParseStart(string? date, string? clock, string timeZoneId)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !TimeOnly.TryParseExact(clock, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var local = day.ToDateTime(at, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}

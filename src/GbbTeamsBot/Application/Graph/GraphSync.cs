using System.Globalization;
using System.Text.Json;
using GbbTeamsBot.Application.Persistence;
using GbbTeamsBot.Domain.Agreements;
using GbbTeamsBot.Domain.Protocol;
using GbbTeamsBot.Domain.Sessions;
using GbbTeamsBot.Domain.Teams;
using GbbTeamsBot.Graph;
using GbbTeamsBot.Storage.Repositories;
using GbbTeamsBot.Storage.Tables;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Application.Graph;

/// <summary>What one sync did (tests and logs; counts only).</summary>
public sealed record GraphSyncReport(int Teams, int TasksCreated, int AgreementsCompleted, int TasksUpdated, int FilesUploaded, int EventsRetried, int Failures);

/// <summary>The stored state of a task row: which session the agreement came from and the status both sides last agreed on.</summary>
public sealed class TaskPayload
{
    public string SessionId { get; set; } = string.Empty;

    public string PlanId { get; set; } = string.Empty;

    public bool SyncedDone { get; set; }
}

/// <summary>The stored state of a file row: the record version filed (or to file) and where.</summary>
public sealed class FilePayload
{
    public int Version { get; set; }

    public int FiledVersion { get; set; }

    public string FileName { get; set; } = string.Empty;
}

/// <summary>
/// The periodic, durable sync with Microsoft 365 for every team that turned a feature on:
/// Planner: each open agreement with an internal owner (job centre, team) gets one task; a task ticked off in Planner
/// marks the agreement done, a status change in the bot updates the task (If-Match with the task's ETag; the agreement
/// with its table ETag). Files: the newest confirmed version of each record is filed as a Word document; a corrected
/// version replaces it (a new version in SharePoint). Events whose creation was deferred are retried.
/// Every item is a GraphWork row written before Graph is called; a row with an attempt but no remote id first looks
/// for the item by its marker, so a timeout never leads to a second task.
/// </summary>
public sealed partial class GraphSync(
    GraphWorkRepository work,
    TeamSettingsRepository settingsRows,
    AgreementRepository agreements,
    AgreementStatusService agreementStatus,
    TeamQueries queries,
    NextMeetingService meetings,
    SessionStore sessions,
    ITaskBoard board,
    IChannelFiles files,
    IOptions<GraphOptions> options,
    TimeProvider time,
    ILogger<GraphSync> logger)
{
    public async Task<GraphSyncReport> SyncOnceAsync(CancellationToken cancellationToken = default)
    {
        var total = new GraphSyncReport(0, 0, 0, 0, 0, 0, 0);
        if (!options.Value.Enabled)
        {
            return total;
        }

        foreach (var (scope, row) in await settingsRows.ListAllAsync(cancellationToken))
        {
            var features = Features(row.SettingsJson);
            if (!features.Any)
            {
                continue;
            }

            try
            {
                var report = await SyncTeamAsync(scope, features, cancellationToken);
                total = total with
                {
                    Teams = total.Teams + 1,
                    TasksCreated = total.TasksCreated + report.TasksCreated,
                    AgreementsCompleted = total.AgreementsCompleted + report.AgreementsCompleted,
                    TasksUpdated = total.TasksUpdated + report.TasksUpdated,
                    FilesUploaded = total.FilesUploaded + report.FilesUploaded,
                    EventsRetried = total.EventsRetried + report.EventsRetried,
                    Failures = total.Failures + report.Failures,
                };
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTeamSyncFailed(logger, ex, scope.TenantId);
                total = total with { Failures = total.Failures + 1 };
            }
        }

        return total;
    }

    public async Task<GraphSyncReport> SyncTeamAsync(TeamScope scope, GraphFeatures features, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(features);
        var counts = new Counts();
        if (features.Calendar)
        {
            counts.EventsRetried += await meetings.RetryDueAsync(scope, cancellationToken);
        }

        if (features.Planner && features.PlanId is { } planId)
        {
            await SyncPlannerAsync(scope, planId, counts, cancellationToken);
        }

        if (features.Files && features.GroupId is { } groupId && features.FilesChannelId is { } channelId)
        {
            await SyncFilesAsync(scope, groupId, channelId, counts, cancellationToken);
        }

        return new GraphSyncReport(1, counts.TasksCreated, counts.AgreementsCompleted, counts.TasksUpdated, counts.FilesUploaded, counts.EventsRetried, counts.Failures);
    }

    // ---- Planner ----------------------------------------------------------------------------------------------

    private async Task SyncPlannerAsync(TeamScope scope, string planId, Counts counts, CancellationToken cancellationToken)
    {
        var rows = (await work.ListForTeamAsync(scope, GraphWorkKinds.Task, cancellationToken)).ToDictionary(r => r.Work.Key, StringComparer.Ordinal);
        var stored = await agreements.ListForTeamAsync(scope, cancellationToken: cancellationToken);
        IReadOnlyList<BoardTask>? planTasks = null;
        foreach (var record in stored)
        {
            var agreement = OutlivingRecords.ParseAgreement(record.Agreement);
            if (agreement.Owner is not (AgreementOwner.JobCentre or AgreementOwner.Team))
            {
                // Agreements of the person or of other agencies stay in the bot.
                continue;
            }

            try
            {
                if (!rows.TryGetValue(agreement.Id, out var row))
                {
                    if (agreement.Status != AgreementStatus.Open)
                    {
                        continue;
                    }

                    row = await InsertIntentAsync(scope, GraphWorkKinds.Task, agreement.Id, GraphRetry.Json(new TaskPayload { SessionId = agreement.SourceSessionId, PlanId = planId }), cancellationToken);
                    if (row is null)
                    {
                        continue;
                    }
                }

                if (row.Work.State == GraphWorkRepository.Failed)
                {
                    continue;
                }

                if (row.Work.RemoteId is null)
                {
                    if (row.Work.NextAttemptAt > time.GetUtcNow())
                    {
                        continue;
                    }

                    planTasks = await CreateTaskAsync(scope, row, agreement, planId, planTasks, counts, cancellationToken);
                }
                else
                {
                    await ReconcileTaskAsync(scope, row, agreement, counts, cancellationToken);
                }
            }
            catch (GraphCallException failure)
            {
                counts.Failures++;
                LogGraphFailure(logger, GraphWorkKinds.Task, GraphRetry.Describe(failure));
                if (failure.Kind is GraphFailureKind.PermissionMissing or GraphFailureKind.NotFound)
                {
                    // The plan is gone or Planner is not permitted: no point in trying the team's other agreements now.
                    return;
                }
            }
        }
    }

    private async Task<IReadOnlyList<BoardTask>?> CreateTaskAsync(
        TeamScope scope, StoredGraphWork row, Agreement agreement, string planId, IReadOnlyList<BoardTask>? planTasks, Counts counts, CancellationToken cancellationToken)
    {
        var marker = GraphRetry.Marker(scope, agreement.Id);
        var now = time.GetUtcNow();
        var attempt = row.Work with { Attempts = row.Work.Attempts + 1, UpdatedAt = now };
        var etag = await work.UpdateAsync(scope, attempt, row.ETag, cancellationToken);
        string? createdTaskId = null;
        try
        {
            BoardTask? task = null;
            if (row.Work.Attempts > 0)
            {
                // An earlier attempt may have created the task before its answer was lost: look for the marker first.
                planTasks ??= await board.ListTasksAsync(planId, cancellationToken);
                task = planTasks.FirstOrDefault(t => t.Title.Contains(marker, StringComparison.Ordinal));
            }

            if (task is null)
            {
                task = await board.CreateTaskAsync(new NewBoardTask(planId, TaskTitle(agreement, marker), agreement.DueBy, AssigneeObjectId: agreement.OwnerObjectId), cancellationToken);
                counts.TasksCreated++;
            }

            createdTaskId = task.Id;

            var payload = GraphRetry.Parse<TaskPayload>(attempt.Payload);
            payload.SyncedDone = task.IsCompleted;
            await work.UpdateAsync(scope, attempt with
            {
                State = GraphWorkRepository.Done,
                RemoteId = task.Id,
                RemoteETag = task.ETag,
                Payload = GraphRetry.Json(payload),
                LastError = null,
                UpdatedAt = time.GetUtcNow(),
            }, etag, cancellationToken);
        }
        catch (GraphCallException failure)
        {
            await work.UpdateAsync(scope, GraphRetry.AfterFailure(attempt, failure, options.Value, time.GetUtcNow()), etag, cancellationToken);
            throw;
        }

        await LinkBackAsync(scope, agreement, createdTaskId, cancellationToken);
        return planTasks;
    }

    private async Task ReconcileTaskAsync(TeamScope scope, StoredGraphWork row, Agreement agreement, Counts counts, CancellationToken cancellationToken)
    {
        var task = await board.GetTaskAsync(row.Work.RemoteId!, cancellationToken);
        if (task is null)
        {
            // Deleted in Planner: the agreement stays as it is in the bot; the row remembers it so no new task is made.
            if (row.Work.State != GraphWorkRepository.Failed)
            {
                await work.UpdateAsync(scope, row.Work with { State = GraphWorkRepository.Failed, LastError = "NotFound:404:taskDeleted", UpdatedAt = time.GetUtcNow() }, row.ETag, cancellationToken);
            }

            return;
        }

        var payload = GraphRetry.Parse<TaskPayload>(row.Work.Payload);
        var botDone = agreement.Status != AgreementStatus.Open;
        var plannerChanged = task.IsCompleted != payload.SyncedDone;
        var botChanged = botDone != payload.SyncedDone;
        if (!plannerChanged && !botChanged)
        {
            if (task.ETag != row.Work.RemoteETag)
            {
                await work.UpdateAsync(scope, row.Work with { RemoteETag = task.ETag, UpdatedAt = time.GetUtcNow() }, row.ETag, cancellationToken);
            }

            return;
        }

        if (plannerChanged && !botChanged)
        {
            var status = task.IsCompleted ? AgreementStatus.Done : AgreementStatus.Open;
            var changed = await agreementStatus.SyncStatusFromPlannerAsync(scope.TenantId, scope.TeamId, agreement.SourceSessionId, agreement.Id, status, cancellationToken);
            if (changed == AgreementStatusChange.Conflict)
            {
                return;
            }

            counts.AgreementsCompleted += task.IsCompleted && changed == AgreementStatusChange.Changed ? 1 : 0;
            payload.SyncedDone = task.IsCompleted;
        }
        else if (task.IsCompleted != botDone)
        {
            // The bot changed (or both did, differently): the bot's status wins, sent with the task's ETag.
            await board.SetCompletedAsync(task.Id, task.ETag ?? "*", botDone, cancellationToken);
            counts.TasksUpdated++;
            payload.SyncedDone = botDone;
        }
        else
        {
            payload.SyncedDone = botDone;
        }

        await work.UpdateAsync(scope, row.Work with { RemoteETag = null, Payload = GraphRetry.Json(payload), UpdatedAt = time.GetUtcNow() }, row.ETag, cancellationToken);
    }

    /// <summary>
    /// The link back: the task's description names what was agreed and the pseudonym and links to the session's
    /// conversation in Teams. Best effort: the task exists either way, so a failure here is logged, not retried.
    /// </summary>
    private async Task LinkBackAsync(TeamScope scope, Agreement agreement, string? taskId, CancellationToken cancellationToken)
    {
        if (taskId is null)
        {
            return;
        }

        var session = await sessions.LoadAsync(new SessionAddress(scope.TenantId, scope.TeamId, agreement.SourceSessionId), cancellationToken);
        try
        {
            await board.SetDescriptionAsync(taskId, TaskDescription(agreement, TeamsDeepLinks.Conversation(session?.ConversationId, scope.TenantId)), cancellationToken);
        }
        catch (GraphCallException failure)
        {
            LogGraphFailure(logger, GraphWorkKinds.Task, GraphRetry.Describe(failure));
        }
    }

    /// <summary>The task's description: what was agreed, the pseudonym (never a name) and the link to the session's conversation.</summary>
    public static string TaskDescription(Agreement agreement, string? link)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var pseudonym = string.IsNullOrWhiteSpace(agreement.CaseReference) ? string.Empty : " (" + agreement.CaseReference + ")";
        return agreement.What + pseudonym + (link is null ? string.Empty : "\n" + link);
    }

    /// <summary>The task's title: what was agreed and the case's pseudonym (never a name), plus the marker.</summary>
    public static string TaskTitle(Agreement agreement, string marker)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var what = agreement.What.Length > 180 ? agreement.What[..180] + "…" : agreement.What;
        var pseudonym = string.IsNullOrWhiteSpace(agreement.CaseReference) ? string.Empty : " (" + agreement.CaseReference + ")";
        return what + pseudonym + " " + marker;
    }

    // ---- Files ------------------------------------------------------------------------------------------------

    private async Task SyncFilesAsync(TeamScope scope, string groupId, string channelId, Counts counts, CancellationToken cancellationToken)
    {
        var rows = (await work.ListForTeamAsync(scope, GraphWorkKinds.File, cancellationToken)).ToDictionary(r => r.Work.Key, StringComparer.Ordinal);
        foreach (var protocol in await queries.ListProtocolsAsync(scope.TenantId, scope.TeamId, cancellationToken))
        {
            if (!rows.TryGetValue(protocol.SessionId, out var row))
            {
                row = await InsertIntentAsync(scope, GraphWorkKinds.File, protocol.SessionId, GraphRetry.Json(new FilePayload { Version = protocol.Version }), cancellationToken);
                if (row is null)
                {
                    continue;
                }
            }

            var payload = GraphRetry.Parse<FilePayload>(row.Work.Payload);
            if (payload.FiledVersion >= protocol.Version && row.Work.State == GraphWorkRepository.Done)
            {
                continue;
            }

            if (row.Work.State == GraphWorkRepository.Failed && payload.Version >= protocol.Version)
            {
                continue;
            }

            if (row.Work.State == GraphWorkRepository.Pending && row.Work.NextAttemptAt > time.GetUtcNow() && payload.Version >= protocol.Version)
            {
                continue;
            }

            payload.Version = protocol.Version;
            try
            {
                await FileAsync(scope, row, payload, groupId, channelId, cancellationToken);
                counts.FilesUploaded++;
            }
            catch (GraphCallException failure)
            {
                counts.Failures++;
                LogGraphFailure(logger, GraphWorkKinds.File, GraphRetry.Describe(failure));
                if (failure.Kind is GraphFailureKind.PermissionMissing or GraphFailureKind.NotFound)
                {
                    return;
                }
            }
        }
    }

    private async Task FileAsync(TeamScope scope, StoredGraphWork row, FilePayload payload, string groupId, string channelId, CancellationToken cancellationToken)
    {
        var rendered = await queries.GetProtocolAsync(new SessionAddress(scope.TenantId, scope.TeamId, row.Work.Key), payload.Version, cancellationToken: cancellationToken)
            ?? throw new GraphCallException(GraphFailureKind.Rejected, null, "recordMissing", null, null);
        var name = FileName(rendered.Document);
        var attempt = row.Work with { State = GraphWorkRepository.Pending, Attempts = row.Work.Attempts + 1, Payload = GraphRetry.Json(payload), UpdatedAt = time.GetUtcNow() };
        var etag = await work.UpdateAsync(scope, attempt, row.ETag, cancellationToken);
        try
        {
            // Same name for every version: the upload replaces the file, SharePoint keeps the earlier one as a version,
            // and a repeated upload after a timeout changes nothing but the version count.
            var filed = await files.UploadAsync(groupId, channelId, name, Document(rendered.Document, rendered.CaseFileRecord), cancellationToken);
            payload.FiledVersion = payload.Version;
            payload.FileName = name;
            await work.UpdateAsync(scope, attempt with
            {
                State = GraphWorkRepository.Done,
                RemoteId = filed.ItemId,
                RemoteUrl = filed.WebUrl,
                Payload = GraphRetry.Json(payload),
                LastError = null,
                UpdatedAt = time.GetUtcNow(),
            }, etag, cancellationToken);
        }
        catch (GraphCallException failure)
        {
            await work.UpdateAsync(scope, GraphRetry.AfterFailure(attempt, failure, options.Value, time.GetUtcNow()), etag, cancellationToken);
            throw;
        }
    }

    /// <summary>"2030-04-15 Kollegiale Beratung Ahorn-07.docx": date, method and pseudonym, nothing else.</summary>
    public static string FileName(ProtocolDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var date = (document.Date ?? document.ConfirmedAt ?? DateTimeOffset.UnixEpoch).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var parts = new[] { date, document.MethodName.De, document.CaseReference }.Where(p => !string.IsNullOrWhiteSpace(p));
        var name = string.Join(' ', parts);
        var safe = new string(name.Select(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_' or '.' ? c : '_').ToArray());
        return safe + ".docx";
    }

    /// <summary>The record's seven parts (from the domain's renderer) as a Word document, the seven headings styled as such.</summary>
    public static byte[] Document(ProtocolDocument document, string caseFileRecord)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(caseFileRecord);
        var next = 1;
        var lines = new List<(string, bool)>();
        foreach (var raw in caseFileRecord.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var heading = next <= 7 && line.StartsWith(next.ToString(CultureInfo.InvariantCulture) + ". ", StringComparison.Ordinal);
            if (heading)
            {
                next++;
            }

            lines.Add((line, heading));
        }

        var title = document.MethodName.De + (string.IsNullOrWhiteSpace(document.CaseReference) ? string.Empty : " – " + document.CaseReference);
        return RecordDocument.Create(title, lines);
    }

    // ---- shared -----------------------------------------------------------------------------------------------

    private async Task<StoredGraphWork?> InsertIntentAsync(TeamScope scope, string kind, string key, string payload, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        try
        {
            await work.InsertAsync(scope, new GraphWorkRecord(kind, key, GraphWorkRepository.Pending, 0, now, null, null, null, payload, null, now), cancellationToken);
        }
        catch (TableConflictException)
        {
            // Another instance stored it first: use its row.
        }

        return await work.GetAsync(scope, kind, key, cancellationToken);
    }

    private static GraphFeatures Features(string settingsJson)
    {
        try
        {
            return JsonSerializer.Deserialize<TeamSettings>(settingsJson, SessionSnapshotSerializer.Options)?.Graph ?? GraphFeatures.Off;
        }
        catch (JsonException)
        {
            return GraphFeatures.Off;
        }
    }

    private sealed class Counts
    {
        public int TasksCreated;
        public int AgreementsCompleted;
        public int TasksUpdated;
        public int FilesUploaded;
        public int EventsRetried;
        public int Failures;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph sync of a team in tenant {TenantId} failed")]
    private static partial void LogTeamSyncFailed(ILogger logger, Exception exception, string tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph work of kind {Kind} failed: {Failure}")]
    private static partial void LogGraphFailure(ILogger logger, string kind, string failure);
}

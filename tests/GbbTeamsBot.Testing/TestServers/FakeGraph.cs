using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace GbbTeamsBot.TestServers;

/// <summary>A request the fake Graph received: method, path (below /v1.0), headers of interest and the body.</summary>
public sealed record GraphRequest(string Method, string Path, string? Authorization, string? IfMatch, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public JsonObject? Json => Body.Length > 0 && Body[0] == (byte)'{' ? JsonNode.Parse(Body)?.AsObject() : null;
}

/// <summary>A Planner task as the fake holds it.</summary>
public sealed record FakePlannerTask(string Id, string PlanId, string Title, int PercentComplete, string ETag, JsonObject Body);

/// <summary>A file in a channel's folder: its versions' bytes, newest last.</summary>
public sealed record FakeDriveFile(string Id, string Name, List<byte[]> Versions);

/// <summary>
/// Microsoft Graph v1.0 on loopback, as far as the bot uses it: events with Teams meetings (transactionId de-duplicates),
/// Planner tasks with "@odata.etag" and If-Match, a channel's filesFolder and uploads into it (a second upload of a
/// name is a new version). Errors have Graph's body {"error":{"code","message"}}; faults can be queued per route
/// (403, 404, 429 with Retry-After, 503). Every request is recorded, so a test can assert that none was made.
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<GraphRequest> _requests = new();
    private readonly ConcurrentDictionary<string, JsonObject> _eventsByTransaction = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakePlannerTask> _tasks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string ETag, JsonObject Body)> _details = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, FakeDriveFile> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Fault> _faults = new();
    private readonly object _gate = new();
    private int _ids;

    private FakeGraph(LoopbackServer server) => _server = server;

    /// <summary>The value for Graph:BaseUrl, e.g. http://127.0.0.1:41234/v1.0.</summary>
    public string BaseUrl => _server.BaseAddress.ToString().TrimEnd('/') + "/v1.0";

    /// <summary>Plans that exist; a task for another plan gets 404.</summary>
    public ConcurrentDictionary<string, bool> Plans { get; } = new(StringComparer.Ordinal);

    /// <summary>Teams (group ids) whose channels have a files folder; others get 404.</summary>
    public ConcurrentDictionary<string, bool> Teams { get; } = new(StringComparer.Ordinal);

    /// <summary>Extra delay before answering an event create (to make the client time out after Graph created it).</summary>
    public TimeSpan EventDelay { get; set; }

    /// <summary>Extra delay before answering a task create (the task exists, the answer comes too late).</summary>
    public TimeSpan TaskDelay { get; set; }

    public IReadOnlyList<GraphRequest> Requests => _requests.ToArray();

    /// <summary>A task's details (description, previewType) as last patched; null when never patched.</summary>
    public JsonObject? TaskDetails(string taskId) => _details.TryGetValue(taskId, out var details) && details.Body.Count > 0 ? details.Body : null;

    public IReadOnlyList<JsonObject> Events => _eventsByTransaction.Values.ToList();

    public IReadOnlyList<FakePlannerTask> Tasks => _tasks.Values.ToList();

    public IReadOnlyList<FakeDriveFile> Files => _files.Values.ToList();

    public static async Task<FakeGraph> StartAsync()
    {
        FakeGraph? graph = null;
        var server = await LoopbackServer.StartAsync(context => graph!.HandleAsync(context));
        graph = new FakeGraph(server);
        return graph;
    }

    /// <summary>Answers the next <paramref name="times"/> requests whose "METHOD path" contains <paramref name="match"/> with an error.</summary>
    public void Fail(string match, int status, string code, int times = 1, int? retryAfterSeconds = null) =>
        _faults.Enqueue(new Fault(match, status, code, retryAfterSeconds) { Remaining = times });

    /// <summary>Someone ticks the task off in Planner: 100 % and a new ETag.</summary>
    public void CompleteTask(string taskId)
    {
        lock (_gate)
        {
            var task = _tasks[taskId];
            _tasks[taskId] = task with { PercentComplete = 100, ETag = NewETag() };
        }
    }

    public void Clear()
    {
        _requests.Clear();
        _faults.Clear();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var path = context.Request.Path.Value ?? string.Empty;
        path = path.StartsWith("/v1.0", StringComparison.Ordinal) ? path[5..] : path;
        var request = new GraphRequest(context.Request.Method, path, context.Request.Headers.Authorization.FirstOrDefault(), context.Request.Headers.IfMatch.FirstOrDefault(), buffer.ToArray());
        _requests.Enqueue(request);

        if (!(request.Authorization?.StartsWith("Bearer ", StringComparison.Ordinal) ?? false))
        {
            await ErrorAsync(context, 401, "InvalidAuthenticationToken", "Access token is empty.");
            return;
        }

        if (TakeFault(request.Method + " " + path) is { } fault)
        {
            if (fault.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            }

            await ErrorAsync(context, fault.Status, fault.Code, "Injected by the test.");
            return;
        }

        var segments = path.Trim('/').Split('/');
        switch (request.Method, segments)
        {
            case ("POST", ["users", _, "events"]):
                await CreateEventAsync(context, request);
                return;
            case ("POST", ["planner", "tasks"]):
                await CreateTaskAsync(context, request);
                return;
            case ("GET", ["planner", "tasks", var id]):
                if (_tasks.TryGetValue(id, out var task))
                {
                    await JsonAsync(context, 200, TaskJson(task));
                }
                else
                {
                    await ErrorAsync(context, 404, "NotFound", "The requested item is not found.");
                }

                return;
            case ("GET", ["planner", "tasks", var id, "details"]):
                if (!_tasks.ContainsKey(id))
                {
                    await ErrorAsync(context, 404, "NotFound", "The requested item is not found.");
                    return;
                }

                var details = _details.GetOrAdd(id, _ => (NewETag(), new JsonObject()));
                var detailsJson = (JsonObject)details.Body.DeepClone();
                detailsJson["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#planner/tasks('" + id + "')/details/$entity";
                detailsJson["@odata.etag"] = details.ETag;
                detailsJson["id"] = id;
                await JsonAsync(context, 200, detailsJson);
                return;
            case ("PATCH", ["planner", "tasks", var id, "details"]):
                int detailsStatus;
                lock (_gate)
                {
                    if (!_tasks.ContainsKey(id))
                    {
                        detailsStatus = 404;
                    }
                    else if (!_details.TryGetValue(id, out var current) || request.IfMatch != current.ETag)
                    {
                        detailsStatus = 412;
                    }
                    else
                    {
                        var merged = (JsonObject)current.Body.DeepClone();
                        foreach (var (key, value) in request.Json ?? new JsonObject())
                        {
                            merged[key] = value?.DeepClone();
                        }

                        _details[id] = (NewETag(), merged);
                        detailsStatus = 204;
                    }
                }

                if (detailsStatus == 204)
                {
                    context.Response.StatusCode = 204;
                }
                else
                {
                    await ErrorAsync(context, detailsStatus, detailsStatus == 404 ? "NotFound" : "PreconditionFailed", "The request could not be applied.");
                }

                return;
            case ("PATCH", ["planner", "tasks", var id]):
                await PatchTaskAsync(context, request, id);
                return;
            case ("GET", ["planner", "plans", var planId, "tasks"]):
                if (!Plans.ContainsKey(planId))
                {
                    await ErrorAsync(context, 404, "NotFound", "The requested item is not found.");
                    return;
                }

                await JsonAsync(context, 200, new JsonObject
                {
                    ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#planner/plans('" + planId + "')/tasks",
                    ["value"] = new JsonArray(_tasks.Values.Where(t => t.PlanId == planId).Select(t => (JsonNode)TaskJson(t)).ToArray()),
                });
                return;
            case ("GET", ["teams", var group, "channels", var channel, "filesFolder"]):
                if (!Teams.ContainsKey(group))
                {
                    await ErrorAsync(context, 404, "NotFound", "Team not found.");
                    return;
                }

                await JsonAsync(context, 200, new JsonObject
                {
                    ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#driveItem",
                    ["id"] = "folder-" + channel.GetHashCode(StringComparison.Ordinal).ToString("x", CultureInfo.InvariantCulture),
                    ["name"] = "Beratung",
                    ["parentReference"] = new JsonObject { ["driveId"] = "drive-" + group, ["driveType"] = "documentLibrary" },
                    ["folder"] = new JsonObject { ["childCount"] = _files.Count },
                });
                return;
            case ("PUT", _) when path.StartsWith("/drives/", StringComparison.Ordinal) && path.EndsWith(":/content", StringComparison.Ordinal):
                await UploadAsync(context, request, path);
                return;
            default:
                await ErrorAsync(context, 400, "BadRequest", "Resource not found for the segment.");
                return;
        }
    }

    private async Task CreateEventAsync(HttpContext context, GraphRequest request)
    {
        var body = request.Json ?? new JsonObject();
        var transaction = body["transactionId"]?.GetValue<string>() ?? Guid.NewGuid().ToString();
        var created = _eventsByTransaction.GetOrAdd(transaction, _ =>
        {
            var id = "AAMkEvent" + Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);
            var ev = (JsonObject)body.DeepClone();
            ev["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users('x')/events/$entity";
            ev["@odata.etag"] = NewETag();
            ev["id"] = id;
            ev["webLink"] = "https://outlook.office365.com/owa/?itemid=" + id;
            if (body["isOnlineMeeting"]?.GetValue<bool>() == true)
            {
                ev["onlineMeeting"] = new JsonObject { ["joinUrl"] = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_" + id + "%40thread.v2/0" };
            }

            return ev;
        });
        if (EventDelay > TimeSpan.Zero)
        {
            await Task.Delay(EventDelay);
        }

        await JsonAsync(context, 201, created);
    }

    private async Task CreateTaskAsync(HttpContext context, GraphRequest request)
    {
        var body = request.Json ?? new JsonObject();
        var planId = body["planId"]?.GetValue<string>() ?? string.Empty;
        if (!Plans.ContainsKey(planId))
        {
            await ErrorAsync(context, 404, "NotFound", "The requested item is not found.");
            return;
        }

        var id = "task-" + Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture);
        var task = new FakePlannerTask(id, planId, body["title"]?.GetValue<string>() ?? string.Empty, 0, NewETag(), body);
        _tasks[id] = task;
        if (TaskDelay > TimeSpan.Zero)
        {
            await Task.Delay(TaskDelay);
        }

        await JsonAsync(context, 201, TaskJson(task));
    }

    private async Task PatchTaskAsync(HttpContext context, GraphRequest request, string id)
    {
        lock (_gate)
        {
            if (!_tasks.TryGetValue(id, out var task))
            {
                context.Items["status"] = 404;
            }
            else if (request.IfMatch is null)
            {
                context.Items["status"] = 400;
            }
            else if (request.IfMatch != task.ETag)
            {
                context.Items["status"] = 412;
            }
            else
            {
                var percent = request.Json?["percentComplete"]?.GetValue<int>() ?? task.PercentComplete;
                _tasks[id] = task with { PercentComplete = percent, ETag = NewETag() };
                context.Items["status"] = 204;
            }
        }

        switch ((int)context.Items["status"]!)
        {
            case 204:
                context.Response.StatusCode = 204;
                return;
            case 404:
                await ErrorAsync(context, 404, "NotFound", "The requested item is not found.");
                return;
            case 412:
                await ErrorAsync(context, 412, "PreconditionFailed", "The If-Match header does not match the current ETag.");
                return;
            default:
                await ErrorAsync(context, 400, "BadRequest", "If-Match header is required.");
                return;
        }
    }

    private async Task UploadAsync(HttpContext context, GraphRequest request, string path)
    {
        // /drives/{drive}/items/{folder}:/{name}:/content
        var colon = path.IndexOf(":/", StringComparison.Ordinal);
        var name = Uri.UnescapeDataString(path[(colon + 2)..^":/content".Length]);
        var key = path[..colon] + "/" + name;
        var file = _files.AddOrUpdate(
            key,
            _ => new FakeDriveFile("item-" + Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture), name, [request.Body]),
            (_, existing) =>
            {
                lock (existing.Versions)
                {
                    existing.Versions.Add(request.Body);
                }

                return existing;
            });
        await JsonAsync(context, file.Versions.Count == 1 ? 201 : 200, new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#driveItem",
            ["id"] = file.Id,
            ["name"] = file.Name,
            ["size"] = request.Body.Length,
            ["webUrl"] = "https://contoso.sharepoint.com/sites/team/Shared%20Documents/Beratung/" + Uri.EscapeDataString(file.Name),
            ["file"] = new JsonObject { ["mimeType"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        });
    }

    private Fault? TakeFault(string route)
    {
        foreach (var fault in _faults)
        {
            if (route.Contains(fault.Match, StringComparison.Ordinal) && Interlocked.Decrement(ref fault.Remaining) >= 0)
            {
                return fault;
            }
        }

        return null;
    }

    private static JsonObject TaskJson(FakePlannerTask task)
    {
        var json = (JsonObject)task.Body.DeepClone();
        json["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#planner/tasks/$entity";
        json["@odata.etag"] = task.ETag;
        json["id"] = task.Id;
        json["planId"] = task.PlanId;
        json["title"] = task.Title;
        json["percentComplete"] = task.PercentComplete;
        return json;
    }

    private string NewETag() => "W/\"JzEtVGFzayAgQEBAQEBAQEBAQEBAQEBAW" + Interlocked.Increment(ref _ids).ToString(CultureInfo.InvariantCulture) + "'\"";

    private static async Task JsonAsync(HttpContext context, int status, JsonObject body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; odata.metadata=minimal";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private static Task ErrorAsync(HttpContext context, int status, string code, string message) =>
        JsonAsync(context, status, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject { ["request-id"] = Guid.NewGuid().ToString(), ["date"] = DateTime.UtcNow.ToString("s", CultureInfo.InvariantCulture) },
            },
        });

    private sealed record Fault(string Match, int Status, string Code, int? RetryAfterSeconds)
    {
        public int Remaining;
    }
}

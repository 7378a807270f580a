using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace GbbTeamsBot.TestServers;

/// <summary>One request the fake connector received. <see cref="Segments"/> are the unescaped path segments after the service path.</summary>
public sealed record RecordedRequest(
    string Method,
    string RawTarget,
    IReadOnlyList<string> Segments,
    string? Authorization,
    string Body,
    DateTimeOffset At,
    int StatusCode)
{
    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);

    public string Route => string.Join('/', Segments);
}

/// <summary>A scripted answer for the next matching request instead of the normal one.</summary>
public sealed record ScriptedAnswer(int StatusCode, TimeSpan? RetryAfter = null, TimeSpan? Delay = null, Func<string, string, bool>? When = null);

/// <summary>
/// A Bot Connector v3 (and Teams v1 meetings) stand-in on loopback: real HTTP, records every request, and can answer
/// 429 with Retry-After, 5xx or slowly. The service URL has a path ("/amer/") like the real one.
/// </summary>
public sealed class FakeConnector : IAsyncDisposable
{
    public const string ServicePath = "/amer/";

    private readonly LoopbackServer _server;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<ScriptedAnswer> _script = new();
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, JsonObject> _members = new(StringComparer.Ordinal);
    private long _nextId = 1_700_000_000_000;

    private FakeConnector(LoopbackServer server, TimeProvider time)
    {
        _server = server;
        _time = time;
    }

    /// <summary>The serviceUrl to put into activities and token claims.</summary>
    public string ServiceUrl => new Uri(_server.BaseAddress, ServicePath).ToString();

    /// <summary>The tenantId the member API reports for the default members (set it to the activities' tenant).</summary>
    public string MemberTenantId { get; set; } = "00000000-0000-0000-0000-0000000000ff";

    /// <summary>
    /// Adds someone to the roster the member API serves (GET …/members/{id} and the paged list), e.g. a guest with
    /// <c>userRole</c> "guest" or a member of another tenant. Unlisted ids keep the default answer ("user").
    /// </summary>
    public void AddMember(string id, string name, string userRole = "user", string? tenantId = null, string? aadObjectId = null) =>
        _members[id] = new JsonObject
        {
            ["id"] = id,
            ["name"] = name,
            ["aadObjectId"] = aadObjectId ?? Guid.NewGuid().ToString(),
            ["tenantId"] = tenantId ?? MemberTenantId,
            ["userRole"] = userRole,
        };

    /// <summary>Ids the member API answers 404 for (someone Teams does not know in this conversation).</summary>
    public ConcurrentDictionary<string, bool> UnknownMembers { get; } = new(StringComparer.Ordinal);

    /// <summary>Delay added to every answer (slow connector).</summary>
    public TimeSpan ResponseDelay { get; set; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public static async Task<FakeConnector> StartAsync(TimeProvider? time = null)
    {
        FakeConnector? self = null;
        var server = await LoopbackServer.StartAsync(context => self!.HandleAsync(context));
        self = new FakeConnector(server, time ?? TimeProvider.System);
        return self;
    }

    /// <summary>The next request matching <see cref="ScriptedAnswer.When"/> (method, route) gets this answer.</summary>
    public void Enqueue(ScriptedAnswer answer) => _script.Enqueue(answer);

    public void Clear()
    {
        _requests.Clear();
        _script.Clear();
    }

    /// <summary>Waits until at least <paramref name="count"/> requests matched, or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(Func<RecordedRequest, bool> match, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var found = Requests.Where(match).ToList();
            if (found.Count >= count)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Expected {count} matching connector requests, got {found.Count} (of {Requests.Count}).");
            }

            await Task.Delay(20);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path.Value ?? string.Empty;
        var pathPart = rawTarget.Split('?')[0];
        var relative = pathPart.StartsWith(ServicePath, StringComparison.Ordinal) ? pathPart[ServicePath.Length..] : null;
        var segments = relative is null
            ? Array.Empty<string>()
            : relative.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var route = string.Join('/', segments);

        var (status, answer, retryAfter, delay) = Scripted(request.Method, route) is { } scripted
            ? (scripted.StatusCode, (JsonNode?)new JsonObject { ["error"] = new JsonObject { ["code"] = "Scripted", ["message"] = "scripted failure" } }, scripted.RetryAfter, scripted.Delay)
            : relative is null ? (404, null, null, null) : Answer(request.Method, segments, body, request.Query);

        _requests.Enqueue(new RecordedRequest(request.Method, rawTarget, segments, request.Headers.Authorization.FirstOrDefault(), body, _time.GetUtcNow(), status));

        var wait = (delay ?? TimeSpan.Zero) + ResponseDelay;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        context.Response.StatusCode = status;
        if (retryAfter is { } after)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(after.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        if (answer is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.ToJsonString());
        }
    }

    private ScriptedAnswer? Scripted(string method, string route)
    {
        if (_script.TryPeek(out var next) && (next.When is null || next.When(method, route)) && _script.TryDequeue(out var taken))
        {
            return taken;
        }

        return null;
    }

    private (int Status, JsonNode? Body, TimeSpan? RetryAfter, TimeSpan? Delay) Answer(string method, string[] s, string body, IQueryCollection query)
    {
        string NewId() => Interlocked.Increment(ref _nextId).ToString(CultureInfo.InvariantCulture);
        JsonNode? parsed = null;
        if (!string.IsNullOrEmpty(body))
        {
            try
            {
                parsed = JsonNode.Parse(body);
            }
            catch (JsonException)
            {
                return (400, new JsonObject { ["error"] = new JsonObject { ["code"] = "BadArgument" } }, null, null);
            }
        }

        return (method, s) switch
        {
            ("POST", ["v3", "conversations"]) => CreateConversation(parsed, NewId()),
            ("POST", ["v3", "conversations", _, "activities"]) => (201, new JsonObject { ["id"] = NewId() }, null, null),
            ("POST", ["v3", "conversations", _, "activities", _]) => (201, new JsonObject { ["id"] = NewId() }, null, null),
            ("PUT", ["v3", "conversations", _, "activities", var id]) => (200, new JsonObject { ["id"] = id }, null, null),
            ("DELETE", ["v3", "conversations", _, "activities", _]) => (200, null, null, null),
            ("GET", ["v3", "conversations", _, "pagedmembers"]) => PagedMembers(query["continuationToken"].FirstOrDefault()),
            ("GET", ["v3", "conversations", _, "members", var user]) when UnknownMembers.ContainsKey(user) => (404, new JsonObject { ["error"] = new JsonObject { ["code"] = "MemberNotFoundInConversation" } }, null, null),
            ("GET", ["v3", "conversations", _, "members", var user]) => (200, _members.TryGetValue(user, out var listed) ? listed.DeepClone() : Member(user, 0), null, null),
            ("GET", ["v3", "teams", var team]) => (200, new JsonObject { ["id"] = team, ["name"] = "Team Jobcenter Nord", ["aadGroupId"] = "00000000-0000-0000-0000-0000000000aa", ["channelCount"] = 2, ["memberCount"] = 3 }, null, null),
            ("GET", ["v3", "teams", _, "conversations"]) => (200, new JsonObject { ["conversations"] = new JsonArray(new JsonObject { ["id"] = "19:general@thread.tacv2", ["name"] = null }, new JsonObject { ["id"] = "19:beratung@thread.tacv2", ["name"] = "Beratung" }) }, null, null),
            ("GET", ["v1", "meetings", var meeting]) => (200, new JsonObject
            {
                ["details"] = new JsonObject { ["id"] = meeting, ["msGraphResourceId"] = "graph-" + meeting, ["title"] = "Fallbesprechung", ["type"] = "Scheduled" },
                ["conversation"] = new JsonObject { ["id"] = "19:meeting_x@thread.v2", ["conversationType"] = "groupChat", ["isGroup"] = true },
                ["organizer"] = Member("29:organizer", 0),
            }, null, null),
            ("GET", ["v1", "meetings", _, "participants", var participant]) => (200, new JsonObject
            {
                ["user"] = Member(participant, 0),
                ["meeting"] = new JsonObject { ["role"] = "Presenter", ["inMeeting"] = true },
                ["conversation"] = new JsonObject { ["id"] = "19:meeting_x@thread.v2" },
            }, null, null),
            ("POST", ["v1", "meetings", _, "notification"]) => (202, null, null, null),
            _ => (404, new JsonObject { ["error"] = new JsonObject { ["code"] = "NotFound" } }, null, null),
        };
    }

    private static (int, JsonNode?, TimeSpan?, TimeSpan?) CreateConversation(JsonNode? parameters, string id)
    {
        var channel = parameters?["channelData"]?["channel"]?["id"]?.GetValue<string>();
        var conversationId = channel is not null ? $"{channel};messageid={id}" : $"a:personal-{id}";
        return (201, new JsonObject { ["id"] = conversationId, ["activityId"] = id, ["serviceUrl"] = "https://attacker.example/" }, null, null);
    }

    private (int, JsonNode?, TimeSpan?, TimeSpan?) PagedMembers(string? continuation) => continuation is null
        ? (200, new JsonObject { ["continuationToken"] = "page-2", ["members"] = new JsonArray(Member("29:a", 1), Member("29:b", 2)) }, null, null)
        : (200, new JsonObject { ["members"] = new JsonArray([Member("29:c", 3), .. _members.Values.Select(m => (JsonNode)m.DeepClone())]) }, null, null);

    private JsonObject Member(string id, int n) => new()
    {
        ["id"] = id,
        ["name"] = $"Person {n}",
        ["aadObjectId"] = $"00000000-0000-0000-0000-00000000000{n}",
        ["email"] = $"{id.Split(':')[^1]}@jobcenter.example",
        ["tenantId"] = MemberTenantId,
        ["userRole"] = "user",
    };

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

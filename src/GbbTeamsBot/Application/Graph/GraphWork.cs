using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GbbTeamsBot.Graph;
using GbbTeamsBot.Storage.Repositories;

namespace GbbTeamsBot.Application.Graph;

/// <summary>The kinds of durable Graph work (the first part of a GraphWork row key).</summary>
public static class GraphWorkKinds
{
    /// <summary>An Outlook event with a Teams meeting; key "{sessionId}/{requestId}".</summary>
    public const string Event = "event";

    /// <summary>A Planner task for one agreement; key the agreement id.</summary>
    public const string Task = "task";

    /// <summary>The Word document of a session's record in the channel's files; key the session id.</summary>
    public const string File = "file";
}

/// <summary>How a piece of Graph work ended for the person who asked (or for the settings card).</summary>
public enum GraphWorkResult
{
    Done,

    /// <summary>Graph is busy or unreachable: stored, retried later ("wird nachgeholt").</summary>
    Deferred,

    /// <summary>403: the application permission is missing.</summary>
    PermissionMissing,

    /// <summary>404: plan, folder or organiser gone; the settings must be checked.</summary>
    NotFound,

    /// <summary>Graph refused the request itself; nothing will be retried.</summary>
    Rejected,

    /// <summary>The feature is off for this team (or Graph for the deployment): no request was made.</summary>
    Off,
}

/// <summary>Backoff and failure bookkeeping of the durable work rows, shared by the three features.</summary>
internal static class GraphRetry
{
    public static DateTimeOffset NextAttempt(GraphOptions options, int attempts, TimeSpan? retryAfter, DateTimeOffset now)
    {
        var backoff = TimeSpan.FromTicks(Math.Min(options.MaxRetryDelay.Ticks, options.RetryBaseDelay.Ticks * (1L << Math.Min(attempts, 20))));
        var wait = retryAfter is { } after && after > backoff ? TimeSpan.FromTicks(Math.Min(after.Ticks, options.MaxRetryDelay.Ticks)) : backoff;
        return now + wait;
    }

    public static GraphWorkResult ResultOf(GraphCallException failure) => failure.Kind switch
    {
        GraphFailureKind.PermissionMissing => GraphWorkResult.PermissionMissing,
        GraphFailureKind.NotFound => GraphWorkResult.NotFound,
        GraphFailureKind.Rejected => GraphWorkResult.Rejected,
        _ => GraphWorkResult.Deferred,
    };

    /// <summary>What is stored about a failure: kind, status and Graph's code, never its message.</summary>
    public static string Describe(GraphCallException failure) =>
        string.Create(CultureInfo.InvariantCulture, $"{failure.Kind}:{failure.Status?.ToString(CultureInfo.InvariantCulture) ?? "-"}:{failure.Code ?? "-"}");

    /// <summary>The row after a failed attempt: pending again with a later time, or failed for good.</summary>
    public static GraphWorkRecord AfterFailure(GraphWorkRecord work, GraphCallException failure, GraphOptions options, DateTimeOffset now)
    {
        var parked = !failure.IsTransient || work.Attempts >= options.MaxAttempts;
        return work with
        {
            State = parked ? GraphWorkRepository.Failed : GraphWorkRepository.Pending,
            NextAttemptAt = parked ? now : NextAttempt(options, work.Attempts, failure.RetryAfter, now),
            LastError = Describe(failure),
            UpdatedAt = now,
        };
    }

    /// <summary>A short stable marker for an item, so a task created before a timeout is found again instead of made twice.</summary>
    public static string Marker(TeamScope scope, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(scope.PartitionKey + "/" + key));
        return "#gbb-" + Convert.ToHexStringLower(hash.AsSpan(0, 5));
    }

    /// <summary>A deterministic GUID for Graph's transactionId (events), from the work's key.</summary>
    public static string TransactionId(TeamScope scope, string key)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("event/" + scope.PartitionKey + "/" + key));
        return new Guid(hash.AsSpan(0, 16)).ToString();
    }

    public static string Json<T>(T value) => JsonSerializer.Serialize(value, JsonOptions);

    public static T Parse<T>(string json)
        where T : new() => JsonSerializer.Deserialize<T>(json, JsonOptions) ?? new T();

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

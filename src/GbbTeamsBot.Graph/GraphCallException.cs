namespace GbbTeamsBot.Graph;

/// <summary>What went wrong with a Graph call, in the terms a user and the retry can act on.</summary>
public enum GraphFailureKind
{
    /// <summary>403: the application permission is missing (the admin must grant it).</summary>
    PermissionMissing,

    /// <summary>404: the plan, folder, user or item is gone (settings must be checked).</summary>
    NotFound,

    /// <summary>429 or 503 after the inline retries: try again later (Retry-After says when).</summary>
    Throttled,

    /// <summary>No answer: network, DNS, timeout, 5xx other than 503.</summary>
    Unreachable,

    /// <summary>412: someone changed the item in between (Planner ETag).</summary>
    Conflict,

    /// <summary>Any other 4xx: the request itself was refused; retrying does not help.</summary>
    Rejected,
}

/// <summary>
/// A failed Graph call, mapped from the SDK's exceptions so the application never sees Graph types. Carries the
/// status, Graph's error code (not its message, which may echo content) and the Retry-After when Graph sent one.
/// </summary>
public sealed class GraphCallException : Exception
{
    public GraphCallException()
    {
    }

    public GraphCallException(string message)
        : base(message)
    {
    }

    public GraphCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GraphCallException(GraphFailureKind kind, int? status, string? code, TimeSpan? retryAfter, Exception? inner)
        : base($"Graph call failed: {kind} (status {status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}, code {code ?? "none"}).", inner)
    {
        Kind = kind;
        Status = status;
        Code = code;
        RetryAfter = retryAfter;
    }

    public GraphFailureKind Kind { get; }

    public int? Status { get; }

    public string? Code { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>Worth another attempt later: throttling, an unreachable Graph, a lost race.</summary>
    public bool IsTransient => Kind is GraphFailureKind.Throttled or GraphFailureKind.Unreachable or GraphFailureKind.Conflict;
}

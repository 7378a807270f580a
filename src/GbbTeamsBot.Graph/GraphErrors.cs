using System.Globalization;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace GbbTeamsBot.Graph;

/// <summary>One mapping from what the SDK throws to <see cref="GraphCallException"/>.</summary>
internal static class GraphErrors
{
    public static async Task<T> CallAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (Map(ex, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }

    public static async Task CallAsync(Func<Task> call, CancellationToken cancellationToken)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (Map(ex, cancellationToken) is { } mapped)
        {
            throw mapped;
        }
    }

    public static GraphCallException? Map(Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case GraphCallException:
                return null;
            case OperationCanceledException when cancellationToken.IsCancellationRequested:
                return null;
            case ApiException api:
                var status = api.ResponseStatusCode;
                var code = (api as ODataError)?.Error?.Code;
                var kind = status switch
                {
                    403 or 401 => GraphFailureKind.PermissionMissing,
                    404 or 410 => GraphFailureKind.NotFound,
                    429 or 503 => GraphFailureKind.Throttled,
                    412 or 409 => GraphFailureKind.Conflict,
                    >= 500 => GraphFailureKind.Unreachable,
                    _ => GraphFailureKind.Rejected,
                };
                return new GraphCallException(kind, status, code, RetryAfter(api), api);
            case HttpRequestException or TaskCanceledException or TimeoutException or IOException:
                return new GraphCallException(GraphFailureKind.Unreachable, null, null, null, exception);
            default:
                return null;
        }
    }

    private static TimeSpan? RetryAfter(ApiException api)
    {
        if (api.ResponseHeaders is not { } headers)
        {
            return null;
        }

        foreach (var (name, values) in headers)
        {
            if (string.Equals(name, "Retry-After", StringComparison.OrdinalIgnoreCase)
                && values.FirstOrDefault() is { } value
                && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }
        }

        return null;
    }
}

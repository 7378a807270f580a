using System.Net;
using Azure.Core;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;

namespace GbbTeamsBot.Graph;

/// <summary>
/// Builds the one <see cref="GraphServiceClient"/> of the process: pointed at Graph:BaseUrl, app-only tokens from the
/// configured <see cref="TokenCredential"/>, and a small retry handler for 429/503 that honours Retry-After up to a cap
/// (longer waits are left to the durable work queue, so no request is parked for minutes).
/// </summary>
public static class GbbGraphClientFactory
{
    public static GraphServiceClient Create(GraphOptions options, TokenCredential credential, TimeProvider time, HttpMessageHandler? innerHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(credential);
        var retry = new ThrottleRetryHandler(options.MaxInlineRetries, options.MaxInlineRetryAfter, time)
        {
            InnerHandler = innerHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
        var http = new HttpClient(retry) { Timeout = options.RequestTimeout };
        return new GraphServiceClient(http, new CredentialAuthenticationProvider(credential, options.Scope), options.BaseUrl.TrimEnd('/'));
    }
}

/// <summary>Adds "Authorization: Bearer" with an app-only token for the Graph scope to every request.</summary>
internal sealed class CredentialAuthenticationProvider(TokenCredential credential, string scope) : IAuthenticationProvider
{
    public async Task AuthenticateRequestAsync(RequestInformation request, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken).ConfigureAwait(false);
        request.Headers.Remove("Authorization");
        request.Headers.Add("Authorization", "Bearer " + token.Token);
    }
}

/// <summary>
/// Retries 429 and 503 after Retry-After (or a short backoff when Graph sent none), at most <paramref name="maxRetries"/>
/// times and only while the wait is at most <paramref name="maxWait"/>; otherwise the response goes back to the caller,
/// which maps it to <see cref="GraphFailureKind.Throttled"/> with the Retry-After for the durable retry.
/// </summary>
internal sealed class ThrottleRetryHandler(int maxRetries, TimeSpan maxWait, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        byte[]? body = null;
        string? contentType = null;
        if (request.Content is not null)
        {
            body = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            contentType = request.Content.Headers.ContentType?.ToString();
        }

        for (var attempt = 0; ; attempt++)
        {
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body);
                if (contentType is not null)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                }
            }

            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || attempt >= maxRetries)
            {
                return response;
            }

            var wait = RetryAfterOf(response) ?? TimeSpan.FromMilliseconds(200 * (1 << attempt));
            if (wait > maxWait)
            {
                return response;
            }

            response.Dispose();
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static TimeSpan? RetryAfterOf(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - DateTimeOffset.UtcNow : null;
    }
}

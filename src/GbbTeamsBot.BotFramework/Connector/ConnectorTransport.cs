using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GbbTeamsBot.BotFramework.Schema;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace GbbTeamsBot.BotFramework.Connector;

/// <summary>
/// Every Connector call goes through here: bearer token, per-thread send quota, retries with exponential backoff and
/// jitter that honour Retry-After. Shared by all <see cref="ConnectorClient"/> instances.
/// </summary>
public sealed partial class ConnectorTransport
{
    private static readonly MediaTypeHeaderValue JsonContentType = MediaTypeHeaderValue.Parse("application/json; charset=utf-8");

    private readonly HttpClient _http;
    private readonly IBotTokenProvider _tokens;
    private readonly ThreadSendLimiter _limiter;
    private readonly ConnectorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<HttpResponseMessage> _idempotentRetry;
    private readonly ResiliencePipeline<HttpResponseMessage> _postRetry;

    public ConnectorTransport(HttpClient http, IBotTokenProvider tokens, ThreadSendLimiter limiter, ConnectorOptions options, TimeProvider time, ILogger<ConnectorTransport> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _tokens = tokens;
        _limiter = limiter;
        _options = options;
        _time = time;
        _logger = logger;
        _idempotentRetry = BuildRetry(isPost: false);
        _postRetry = BuildRetry(isPost: true);
    }

    /// <summary>
    /// Sends one request. <paramref name="body"/> is evaluated for every attempt after the quota permit, so a coalesced
    /// card update always sends the newest state. <paramref name="threadKey"/> is set for sends that count against the quota.
    /// </summary>
    public async Task<T?> SendAsync<T>(HttpMethod method, Uri uri, Func<object?>? body, string? threadKey, CancellationToken cancellationToken)
    {
        var isPost = method == HttpMethod.Post;
        var pipeline = isPost ? _postRetry : _idempotentRetry;
        HttpResponseMessage response;
        try
        {
            response = await pipeline.ExecuteAsync(
                async ct => await SendOnceAsync(method, uri, body, threadKey, ct),
                cancellationToken);
        }
        catch (Exception ex) when (isPost && IsAmbiguousFailure(ex, cancellationToken))
        {
            LogOutcomeUnknown(method.Method, uri.Host, null);
            throw new ConnectorOutcomeUnknownException(null, "The POST may or may not have reached Teams; it was not repeated.", ex);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new ConnectorException(null, null, "The Connector could not be reached.", ex);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                if (response.StatusCode == HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
                {
                    return default;
                }

                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                return string.IsNullOrWhiteSpace(text) ? default : JsonSerializer.Deserialize<T>(text, BotJson.Options);
            }

            var errorCode = await ReadErrorCodeAsync(response, cancellationToken);
            var correlation = response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;
            LogCallFailed(method.Method, uri.Host, (int)response.StatusCode, errorCode, correlation);
            if (isPost && response.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout)
            {
                throw new ConnectorOutcomeUnknownException(response.StatusCode, "The POST may or may not have reached Teams; it was not repeated.");
            }

            throw new ConnectorException(response.StatusCode, errorCode, $"Connector call failed with {(int)response.StatusCode}.");
        }
    }

    private async ValueTask<HttpResponseMessage> SendOnceAsync(HttpMethod method, Uri uri, Func<object?>? body, string? threadKey, CancellationToken cancellationToken)
    {
        if (threadKey is not null)
        {
            await _limiter.AcquireAsync(threadKey, cancellationToken);
        }

        using var request = new HttpRequestMessage(method, uri);
        var payload = body?.Invoke();
        if (payload is not null)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(payload, payload.GetType(), BotJson.Options);
            request.Content = new ByteArrayContent(json);
            request.Content.Headers.ContentType = JsonContentType;
        }

        var token = await _tokens.GetTokenAsync(cancellationToken);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.RequestTimeout);
        return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
    }

    private ResiliencePipeline<HttpResponseMessage> BuildRetry(bool isPost)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time };
        if (_options.MaxRetryAttempts == 0)
        {
            return builder.Build();
        }

        Func<HttpResponseMessage, bool> retryable = isPost ? IsRetryableForPost : IsRetryableForIdempotent;
        return builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = _options.MaxRetryAttempts,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = _options.RetryBaseDelay,
            MaxDelay = _options.MaxRetryDelay,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
            {
                { Result: { } response } => retryable(response),
                // A connection refused before anything was sent is safe to repeat even for POST.
                { Exception: HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } } => true,
                { Exception: HttpRequestException or TaskCanceledException } when !isPost => !args.Context.CancellationToken.IsCancellationRequested,
                _ => false,
            }),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result)),
            OnRetry = args =>
            {
                LogRetry((int?)args.Outcome.Result?.StatusCode, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                BotFrameworkTelemetry.ConnectorRetried(isPost, (int?)args.Outcome.Result?.StatusCode);
                args.Outcome.Result?.Dispose();
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    /// <summary>Retry-After (seconds or date) wins over the computed backoff, capped by <see cref="ConnectorOptions.MaxRetryAfter"/>.</summary>
    private TimeSpan? RetryAfter(HttpResponseMessage? response)
    {
        var header = response?.Headers.RetryAfter;
        TimeSpan? delay = header?.Delta ?? (header?.Date is { } date ? date - _time.GetUtcNow() : null);
        if (delay is not { } value)
        {
            return null;
        }

        return value < TimeSpan.Zero ? TimeSpan.Zero : value > _options.MaxRetryAfter ? _options.MaxRetryAfter : value;
    }

    /// <summary>GET, PUT and DELETE can be repeated safely: 429, 412 and the transient 5xx answers are retried.</summary>
    private static bool IsRetryableForIdempotent(HttpResponseMessage response) => response.StatusCode is
        HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    /// <summary>
    /// A POST is repeated only when Teams refused it before processing: 429 and 412 (throttled) and 503 (service
    /// unavailable, the request was not taken). 502 and 504 mean a gateway lost the answer, so the message may exist.
    /// </summary>
    private static bool IsRetryableForPost(HttpResponseMessage response) => response.StatusCode is
        HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.ServiceUnavailable;

    private static bool IsAmbiguousFailure(Exception ex, CancellationToken cancellationToken) => ex switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => false,
        HttpRequestException => true,
        TaskCanceledException => !cancellationToken.IsCancellationRequested,
        _ => false,
    };

    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(text) ? "{}" : text);
            return Json.String(document.RootElement, "error", "code");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Method} to {Host} failed with {StatusCode} ({ErrorCode}), operation {CorrelationId}")]
    private partial void LogCallFailed(string method, string host, int statusCode, string? errorCode, string? correlationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connector call answered {StatusCode}; retry {Attempt} in {DelayMs} ms")]
    private partial void LogRetry(int? statusCode, int attempt, double delayMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Method} to {Host} has an unknown outcome ({StatusCode}); not repeated")]
    private partial void LogOutcomeUnknown(string method, string host, int? statusCode);
}

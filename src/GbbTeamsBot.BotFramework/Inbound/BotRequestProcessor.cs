using Stopwatch = System.Diagnostics.Stopwatch;
using System.Text.Json;
using GbbTeamsBot.BotFramework.Authentication;
using GbbTeamsBot.BotFramework.Connector;
using GbbTeamsBot.BotFramework.Conversations;
using GbbTeamsBot.BotFramework.Schema;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.BotFramework.Inbound;

/// <summary>
/// POST /api/messages: 405 for other methods, 429 for a client IP that failed too often, 413 for a body over 1 MiB
/// (with or without Content-Length; never read further), 400 for a body that is not an activity or that ended early
/// (nothing of it is logged), 401 for failed authentication (no details), 503 when signing keys cannot be fetched,
/// 200 with an empty body for ordinary activities (handled afterwards), and for invokes the invoke response within
/// the invoke budget.
/// </summary>
public sealed partial class BotRequestProcessor
{
    public const int MaxBodyBytes = 1024 * 1024;
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    private readonly InboundAuthenticator _authenticator;
    private readonly InboundFailureLimiter _failures;
    private readonly ServiceUrlPolicy _serviceUrls;
    private readonly IActivityDeduplicator _deduplicator;
    private readonly IConversationReferenceStore _references;
    private readonly ConnectorClientFactory _connectors;
    private readonly IActivityHandler _handler;
    private readonly TurnQueue _queue;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly TimeSpan _invokeBudget;
    private readonly ILogger _logger;

    public BotRequestProcessor(
        InboundAuthenticator authenticator,
        InboundFailureLimiter failures,
        ServiceUrlPolicy serviceUrls,
        IActivityDeduplicator deduplicator,
        IConversationReferenceStore references,
        ConnectorClientFactory connectors,
        IActivityHandler handler,
        TurnQueue queue,
        IHostApplicationLifetime lifetime,
        IOptions<BotOptions> options,
        ILogger<BotRequestProcessor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _authenticator = authenticator;
        _failures = failures;
        _serviceUrls = serviceUrls;
        _deduplicator = deduplicator;
        _references = references;
        _connectors = connectors;
        _handler = handler;
        _queue = queue;
        _lifetime = lifetime;
        _invokeBudget = options.Value.InvokeBudget;
        _logger = logger;
    }

    public async Task ProcessAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var request = http.Request;
        var ct = http.RequestAborted;
        if (!HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "POST";
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var client = http.Connection.RemoteIpAddress;
        if (!_failures.Admits(client))
        {
            LogClientThrottled();
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(_failures.Window.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return;
        }

        // Kestrel enforces the same cap, so the rest of an oversized body is not drained after the 413 either.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = MaxBodyBytes + 1;
        }

        var (body, bodyStatus, bodyBroken) = await ReadBodyAsync(request);
        if (body is null)
        {
            _failures.RecordFailure(client);
            LogBodyRefused(bodyStatus);
            http.Response.StatusCode = bodyStatus;
            if (bodyBroken)
            {
                // The body broke off (client gone, or a Content-Length that lied); end the connection instead of
                // letting Kestrel drain a body whose reader already failed.
                http.Abort();
            }

            return;
        }

        var activity = ParseActivity(body);
        if (activity is null)
        {
            _failures.RecordFailure(client);
            LogMalformed();
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        var auth = await _authenticator.AuthenticateAsync(request.Headers.Authorization.ToString(), activity.ChannelId, activity.ServiceUrl, ct);
        if (auth.Outcome == BotAuthOutcome.KeysUnavailable)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (!auth.Succeeded || !_serviceUrls.Allows(activity.ServiceUrl))
        {
            if (auth.Succeeded)
            {
                LogServiceUrlRefused();
            }

            _failures.RecordFailure(client);
            http.Response.Headers.WWWAuthenticate = "Bearer";
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var reference = ConversationReference.FromInbound(activity, _authenticator.Mode == BotAuthenticationMode.Authenticated)!;
        var hold = string.IsNullOrEmpty(activity.Id)
            ? null
            : await _deduplicator.TryBeginAsync(new ActivityKey(activity.ChannelId ?? "msteams", reference.TenantId ?? "none", reference.ConversationId, activity.Id), ct);
        switch (hold?.Outcome)
        {
            case ActivityBegin.AlreadyHandled:
                LogDuplicate(LogSafe.Id(activity.Type), LogSafe.Id(activity.Id));
                http.Response.StatusCode = StatusCodes.Status200OK;
                return;
            case ActivityBegin.InProgress:
                // Another delivery is handling it; if that one fails and forgets it, the channel's next try is handled.
                LogInProgress(LogSafe.Id(activity.Type), LogSafe.Id(activity.Id));
                http.Response.Headers.RetryAfter = "5";
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
        }

        TurnContext turn;
        try
        {
            if (activity.IsType(ActivityTypes.InstallationUpdate) && activity.Action?.StartsWith("remove", StringComparison.OrdinalIgnoreCase) == true)
            {
                await _references.RemoveAsync(reference.ConversationId, ct);
            }
            else
            {
                await _references.SaveAsync(reference, ct);
            }

            turn = new TurnContext(activity, reference, _connectors.ForTrustedReference(reference));
            if (!activity.IsInvoke)
            {
                await _queue.EnqueueAsync(turn, hold, ct);
                http.Response.StatusCode = StatusCodes.Status200OK;
                return;
            }
        }
        catch
        {
            // Nothing was handled: forget the activity, so the channel's redelivery (it gets a 500) is handled.
            await SettleAsync(hold, handled: false);
            throw;
        }

        var response = await InvokeWithinBudgetAsync(turn, hold);
        await WriteInvokeResponseAsync(http, response);
    }

    private async Task<InvokeResponse> InvokeWithinBudgetAsync(TurnContext turn, ActivityHold? hold)
    {
        var kind = BotFrameworkTelemetry.InvokeKind(turn.Activity.Name);
        var started = Stopwatch.GetTimestamp();
        using var span = BotFrameworkTelemetry.StartInvoke(kind);
        var response = await AnswerInvokeAsync(turn, hold);
        BotFrameworkTelemetry.InvokeAnswered(span, kind, response.Response.Status, response.OverBudget, Stopwatch.GetElapsedTime(started));
        return response.Response;
    }

    private async Task<(InvokeResponse Response, bool OverBudget)> AnswerInvokeAsync(TurnContext turn, ActivityHold? hold)
    {
        // The handler gets the application's lifetime, not the request's: work that misses the budget goes on.
        // Task.Run keeps the invoke span as the parent of the handler's storage and connector calls.
        var work = Task.Run(() => _handler.OnInvokeAsync(turn, _lifetime.ApplicationStopping));
        try
        {
            var response = await work.WaitAsync(_invokeBudget);
            await SettleAsync(hold, handled: response.Status < StatusCodes.Status500InternalServerError);
            return (response, false);
        }
        catch (TimeoutException)
        {
            LogInvokeOverBudget(LogSafe.Id(turn.Activity.Name), _invokeBudget.TotalMilliseconds);
            _ = work.ContinueWith(
                async t =>
                {
                    if (t.IsFaulted)
                    {
                        LogHandlerFailed(t.Exception!, LogSafe.Id(turn.Activity.Type), LogSafe.Id(turn.Activity.Name));
                    }

                    await SettleAsync(hold, handled: t.IsCompletedSuccessfully && t.Result.Status < StatusCodes.Status500InternalServerError);
                },
                CancellationToken.None,
                TaskContinuationOptions.None,
                TaskScheduler.Default);
            return (_handler.OnInvokeTimedOut(turn.Activity), true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogHandlerFailed(ex, LogSafe.Id(turn.Activity.Type), LogSafe.Id(turn.Activity.Name));
            await SettleAsync(hold, handled: false);
            return (new InvokeResponse(StatusCodes.Status500InternalServerError, null), false);
        }
        catch
        {
            await SettleAsync(hold, handled: false);
            throw;
        }
    }

    /// <summary>Marks a handled activity done, or forgets a failed one; a store failure here is logged, not thrown (the lease then decides).</summary>
    private async Task SettleAsync(ActivityHold? hold, bool handled)
    {
        if (hold is not { Outcome: ActivityBegin.Claimed })
        {
            return;
        }

        try
        {
            if (handled)
            {
                await _deduplicator.CompleteAsync(hold, CancellationToken.None);
            }
            else
            {
                await _deduplicator.ForgetAsync(hold, CancellationToken.None);
            }
        }
        catch (Exception ex)
        {
            LogSettleFailed(ex, handled);
        }
    }

    private static async Task WriteInvokeResponseAsync(HttpContext http, InvokeResponse response)
    {
        http.Response.StatusCode = response.Status;
        if (response.Body is not null)
        {
            http.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(http.Response.Body, response.Body, BotJson.Options, http.RequestAborted);
        }
    }

    /// <summary>
    /// The body, read with a hard cap whether or not a Content-Length was sent; null with 413 beyond the cap, and null
    /// with 400 for an empty body or one that ended early (client abort, a Content-Length that lied).
    /// </summary>
    /// <remarks>
    /// Reads without the request-aborted token: cancelling a pending read leaves Kestrel's body reader busy, and a
    /// client that goes away ends the read with an exception anyway. Slow senders are cut off by Kestrel's minimum data rate.
    /// </remarks>
    private static async Task<(byte[]? Body, int Status, bool Broken)> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, false);
        }

        var buffer = new byte[Math.Min(MaxBodyBytes + 1, (int)(request.ContentLength ?? 16 * 1024) + 1)];
        var total = 0;
        try
        {
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (buffer.Length > MaxBodyBytes)
                    {
                        return (null, StatusCodes.Status413PayloadTooLarge, false);
                    }

                    Array.Resize(ref buffer, Math.Min(MaxBodyBytes + 1, buffer.Length * 2));
                }

                var read = await request.Body.ReadAsync(buffer.AsMemory(total), CancellationToken.None);
                if (read == 0)
                {
                    break;
                }

                total += read;
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or BadHttpRequestException)
        {
            return (null, ex is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, true);
        }

        return total == 0 ? (null, StatusCodes.Status400BadRequest, false) : (buffer[..total], StatusCodes.Status200OK, false);
    }

    /// <summary>The activity, or null for anything that is not one: invalid JSON or UTF-8, a byte order mark, duplicate keys, wrong shapes, missing type, conversation or service URL.</summary>
    private static Activity? ParseActivity(byte[] body)
    {
        if (body.AsSpan().StartsWith(Utf8Bom))
        {
            return null;
        }

        try
        {
            var activity = JsonSerializer.Deserialize<Activity>(body, BotJson.Options);
            return activity is { Type.Length: > 0, Conversation.Id.Length: > 0 }
                   && Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var serviceUrl)
                   && (serviceUrl.Scheme == Uri.UriSchemeHttps || serviceUrl.Scheme == Uri.UriSchemeHttp)
                ? activity
                : null;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Request body to the messages endpoint refused with {StatusCode}")]
    private partial void LogBodyRefused(int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authenticated activity names a service URL outside the allowed Bot Service hosts; refused")]
    private partial void LogServiceUrlRefused();

    [LoggerMessage(Level = LogLevel.Information, Message = "Client over its budget of failed requests to the messages endpoint; answered 429")]
    private partial void LogClientThrottled();

    [LoggerMessage(Level = LogLevel.Information, Message = "Request to the messages endpoint is not an activity")]
    private partial void LogMalformed();

    [LoggerMessage(Level = LogLevel.Information, Message = "Repeated delivery of activity {ActivityType} {ActivityId} ignored")]
    private partial void LogDuplicate(string? activityType, string activityId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity {ActivityType} {ActivityId} is being handled by another delivery; answered 503")]
    private partial void LogInProgress(string? activityType, string activityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording activity as handled ({Handled}) failed; its lease decides about a redelivery")]
    private partial void LogSettleFailed(Exception exception, bool handled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Invoke {InvokeName} exceeded its {BudgetMs} ms budget; answered early, work continues")]
    private partial void LogInvokeOverBudget(string? invokeName, double budgetMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handling {ActivityType} {InvokeName} failed")]
    private partial void LogHandlerFailed(Exception exception, string? activityType, string? invokeName);
}

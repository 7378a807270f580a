using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GbbTeamsBot.BotFramework;

/// <summary>
/// Spans and metrics of the channel layer (System.Diagnostics only; the host decides whether and where they go).
/// Tags are kinds from a closed vocabulary and status codes: never activity text, names, ids from the wire or URLs.
/// </summary>
public static class BotFrameworkTelemetry
{
    public const string Name = "GbbTeamsBot.BotFramework";

    /// <summary>The invoke names Teams sends that the bot answers; anything else is counted as "other".</summary>
    private static readonly HashSet<string> KnownInvokeNames = new(StringComparer.Ordinal)
    {
        "adaptiveCard/action", "task/fetch", "task/submit", "signin/verifyState", "signin/tokenExchange",
        "config/fetch", "config/submit", "composeExtension/query", "composeExtension/submitAction", "actionableMessage/executeAction",
    };

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Invokes = Meter.CreateCounter<long>(
        "gbb.bot.invokes", "{invoke}", "Invokes answered on /api/messages, by invoke name and answer status.");

    private static readonly Histogram<double> InvokeDuration = Meter.CreateHistogram<double>(
        "gbb.bot.invoke.duration", "s", "Time until an invoke was answered (the invoke budget caps it).");

    private static readonly Counter<long> ConnectorRetries = Meter.CreateCounter<long>(
        "gbb.connector.retries", "{retry}", "Connector calls repeated after 429, 412, a transient 5xx or a refused connection, by call kind and status.");

    /// <summary>A closed vocabulary for the invoke name, so a caller cannot write free text into telemetry.</summary>
    public static string InvokeKind(string? invokeName) =>
        invokeName is not null && KnownInvokeNames.Contains(invokeName) ? invokeName : "other";

    internal static Activity? StartInvoke(string invokeKind)
    {
        var activity = Source.StartActivity("invoke " + invokeKind, ActivityKind.Internal);
        activity?.SetTag("gbb.invoke.name", invokeKind);
        return activity;
    }

    internal static void InvokeAnswered(Activity? activity, string invokeKind, int status, bool overBudget, TimeSpan elapsed)
    {
        activity?.SetTag("http.response.status_code", status);
        activity?.SetTag("gbb.invoke.over_budget", overBudget);
        if (status >= 500)
        {
            activity?.SetStatus(ActivityStatusCode.Error);
        }

        var tags = new TagList { { "gbb.invoke.name", invokeKind }, { "http.response.status_code", status } };
        Invokes.Add(1, tags);
        InvokeDuration.Record(elapsed.TotalSeconds, tags);
    }

    /// <summary>One retry; status 0 when no answer came (connection refused, timeout).</summary>
    internal static void ConnectorRetried(bool isPost, int? status) =>
        ConnectorRetries.Add(1, new TagList
        {
            // POST (send, reply, create) or GET/PUT/DELETE: the two retry policies of the connector.
            { "gbb.connector.call", isPost ? "post" : "idempotent" },
            { "http.response.status_code", status ?? 0 },
        });
}

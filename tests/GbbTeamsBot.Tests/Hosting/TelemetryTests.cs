using System.Diagnostics;
using System.Text.Json.Nodes;
using GbbTeamsBot.Cards;
using GbbTeamsBot.Testing;
using GbbTeamsBot.Tests.Teams;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace GbbTeamsBot.Tests.Hosting;

/// <summary>
/// The host's OpenTelemetry setup with the in-memory exporter in place of Azure Monitor: a Kollegiale Beratung with a
/// case pseudonym, a contribution and a fired deadline produces spans and metrics, and none of them carries the
/// pseudonym, the card text, a display name, the team name or a conversation id (those sit in connector URLs).
/// </summary>
public sealed class TelemetryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private const string Pseudonym = "Kastanie-42";
    private const string CardText = "Seit wann besteht der Kontakt zum Familienzentrum?";

    private readonly LockedCollection<Activity> _spans = new();
    private readonly LockedCollection<MetricSnapshot> _metrics = new();
    private TeamsHost _host = null!;
    private KbDriver _kb = null!;

    /// <summary>What must never leave the process: case content, people's and teams' names, conversation ids, Table keys.</summary>
    private static readonly string[] Forbidden =
    [
        Pseudonym, CardText, "Familienzentrum", TeamsUser.Anna.Name, TeamsUser.Ben.Name, TeamsUser.Carla.Name, "Team Jobcenter Nord",
        "GBB Bot", TeamsHost.ChannelConversation, "19:beratung", "thread.tacv2", "PartitionKey", "RowKey",
    ];

    public async Task InitializeAsync()
    {
        _host = await TeamsHost.StartAsync(azurite.ConnectionString, configureServices: services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
            services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
        });
        _kb = new KbDriver(_host);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task An_invoke_and_a_deadline_leave_spans_and_metrics_with_ids_and_kinds_but_no_case_content_or_names()
    {
        var (session, _) = await _kb.StartAsync(Place.Channel, Pseudonym);
        var view = await _kb.ViewAsync(TeamsUser.Carla, session);
        var answer = await _kb.ActAsync(TeamsUser.Carla, view, CardVerbs.ContributionAdd, new JsonObject { ["text"] = CardText });
        Assert.Contains("Seit wann besteht der Kontakt", CardJson.Text(answer), StringComparison.Ordinal);
        _host.Clock.Jump(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(5));
        Assert.True(await _host.FireDueDeadlinesAsync() >= 1);
        Flush();

        var spans = _spans.Snapshot();
        var invokes = spans.Where(s => s.Source.Name == "GbbTeamsBot.BotFramework" && s.DisplayName == "invoke adaptiveCard/action").ToArray();
        Assert.True(invokes.Length >= 3, $"expected the invoke spans, got: {string.Join(", ", spans.Select(s => s.DisplayName).Distinct())}");
        Assert.All(invokes, s => Assert.Equal(200, s.GetTagItem("http.response.status_code")));
        Assert.Contains(invokes, s => Equals(s.GetTagItem("gbb.card.verb"), CardVerbs.ContributionAdd));

        // The ASP.NET Core request span is the invoke span's parent: one trace per click.
        var requests = spans.Where(s => s.Kind == ActivityKind.Server && Equals(s.GetTagItem("http.route"), "/api/messages")).ToArray();
        Assert.NotEmpty(requests);
        Assert.All(invokes, invoke => Assert.Contains(requests, r => r.SpanId == invoke.ParentSpanId));

        // Connector calls went out as client spans whose URLs keep the host and the route words only.
        var connectorCalls = spans.Where(s => s.Kind == ActivityKind.Client && s.GetTagItem("url.full") is string url && url.Contains("/v3/conversations/", StringComparison.Ordinal)).ToArray();
        Assert.NotEmpty(connectorCalls);
        Assert.All(connectorCalls, s => Assert.Contains("/v3/conversations/{id}/", (string)s.GetTagItem("url.full")!, StringComparison.Ordinal));
        Assert.Contains(connectorCalls, s => ((string)s.GetTagItem("url.full")!).EndsWith("/v3/conversations/{id}/activities/{id}", StringComparison.Ordinal));

        // The Azure SDK's own spans (Azure.* sources) are there too; their URLs name Table keys, so they are redacted.
        Assert.Contains(spans, s => s.Source.Name.StartsWith("Azure.Data.Tables", StringComparison.Ordinal));
        Assert.Contains(spans, s => s.Source.Name == "Azure.Core.Http" && s.GetTagItem("url.full") is string url && url.Contains("/{id}", StringComparison.Ordinal));

        // Health probes are not traced.
        Assert.DoesNotContain(spans, s => s.GetTagItem("url.path") is "/healthz" or "/readyz");

        foreach (var span in spans)
        {
            AssertClean($"span {span.DisplayName} name", span.DisplayName);
            AssertClean($"span {span.DisplayName} status", span.StatusDescription);
            foreach (var (key, value) in span.TagObjects)
            {
                AssertClean($"span {span.DisplayName} tag {key}", $"{key}={value}");
            }

            foreach (var spanEvent in span.Events)
            {
                AssertClean($"span {span.DisplayName} event", spanEvent.Name);
                foreach (var (key, value) in spanEvent.Tags)
                {
                    AssertClean($"span {span.DisplayName} event tag {key}", $"{key}={value}");
                }
            }

            foreach (var (key, value) in span.Baggage)
            {
                AssertClean($"span {span.DisplayName} baggage", $"{key}={value}");
            }
        }

        var metrics = _metrics.Snapshot();
        var invokeCount = metrics.Where(m => m.Name == "gbb.bot.invokes").SelectMany(m => m.MetricPoints)
            .Where(p => HasTag(p, "gbb.invoke.name", "adaptiveCard/action")).Sum(p => p.GetSumLong());
        Assert.True(invokeCount >= 3, $"gbb.bot.invokes counted {invokeCount}");
        Assert.Contains(metrics, m => m.Name == "gbb.bot.invoke.duration");
        Assert.Contains(metrics, m => m.Name == "gbb.deadline.lateness" && m.MetricPoints.Any(p => HasTag(p, "gbb.deadline.kind", "PhaseWarning") || HasTag(p, "gbb.deadline.kind", "PhaseEnd")));
        Assert.Contains(metrics, m => m.Name == "http.server.request.duration");
        foreach (var metric in metrics)
        {
            foreach (var point in metric.MetricPoints)
            {
                foreach (var tag in point.Tags)
                {
                    AssertClean($"metric {metric.Name} tag {tag.Key}", $"{tag.Key}={tag.Value}");
                }
            }
        }
    }

    private void Flush()
    {
        Assert.True(_host.Service<TracerProvider>().ForceFlush(10_000));
        Assert.True(_host.Service<MeterProvider>().ForceFlush(10_000));
    }

    private static bool HasTag(MetricPoint point, string key, string value)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key && Equals(tag.Value, value))
            {
                return true;
            }
        }

        return false;
    }

    private static void AssertClean(string where, string? text)
    {
        if (text is null)
        {
            return;
        }

        foreach (var forbidden in Forbidden)
        {
            Assert.False(text.Contains(forbidden, StringComparison.OrdinalIgnoreCase), $"{where} contains \"{forbidden}\": {text}");
        }
    }
}

/// <summary>The exporters add from whichever thread ends a span or collects metrics; the test reads a copy.</summary>
internal sealed class LockedCollection<T> : ICollection<T>
{
    private readonly List<T> _items = [];

    public int Count
    {
        get
        {
            lock (_items)
            {
                return _items.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public T[] Snapshot()
    {
        lock (_items)
        {
            return [.. _items];
        }
    }

    public void Add(T item)
    {
        lock (_items)
        {
            _items.Add(item);
        }
    }

    public void Clear()
    {
        lock (_items)
        {
            _items.Clear();
        }
    }

    public bool Contains(T item)
    {
        lock (_items)
        {
            return _items.Contains(item);
        }
    }

    public void CopyTo(T[] array, int arrayIndex)
    {
        lock (_items)
        {
            _items.CopyTo(array, arrayIndex);
        }
    }

    public bool Remove(T item)
    {
        lock (_items)
        {
            return _items.Remove(item);
        }
    }

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Snapshot()).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

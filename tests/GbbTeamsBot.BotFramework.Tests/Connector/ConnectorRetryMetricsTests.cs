using System.Diagnostics.Metrics;
using GbbTeamsBot.BotFramework.Tests.Support;
using GbbTeamsBot.TestServers;
using Activity = GbbTeamsBot.BotFramework.Schema.Activity;

namespace GbbTeamsBot.BotFramework.Tests.Connector;

/// <summary>gbb.connector.retries counts each retry with the call kind and the status that caused it, nothing else.</summary>
public sealed class ConnectorRetryMetricsTests
{
    // Tests run in parallel and the meter is process-wide: only measurements of this test's own async flow count.
    private static readonly AsyncLocal<bool> ThisTest = new();

    [Fact]
    public async Task A_throttled_post_is_counted_once_as_a_post_retry_with_status_429()
    {
        var retries = new List<KeyValuePair<string, object?>[]>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == BotFrameworkTelemetry.Name && instrument.Name == "gbb.connector.retries")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if (ThisTest.Value)
            {
                lock (retries)
                {
                    retries.Add(tags.ToArray());
                }
            }
        });
        listener.Start();

        await using var rig = await ConnectorRig.StartAsync();
        var client = await rig.ClientAsync();
        rig.Connector.Enqueue(new ScriptedAnswer(429, RetryAfter: TimeSpan.FromMilliseconds(10)));
        ThisTest.Value = true;
        await client.SendToConversationAsync(ConnectorRig.ConversationId, Activity.CreateMessage("x"), CancellationToken.None);

        var tags = Assert.Single(retries);
        Assert.Equal(
            [new("gbb.connector.call", "post"), new KeyValuePair<string, object?>("http.response.status_code", 429)],
            tags.OrderBy(t => t.Key, StringComparer.Ordinal));
    }
}

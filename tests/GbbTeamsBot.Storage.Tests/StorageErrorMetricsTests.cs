using System.Diagnostics.Metrics;
using Azure;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Storage.Tests;

/// <summary>gbb.storage.errors counts each mapped failure by operation, status and service code; a cancellation is none.</summary>
public sealed class StorageErrorMetricsTests
{
    // The meter is process-wide and tests run in parallel: only this test's own async flow counts.
    private static readonly AsyncLocal<bool> ThisTest = new();

    [Fact]
    public void A_mapped_failure_is_counted_with_operation_status_and_code_and_a_cancellation_is_not()
    {
        var errors = new List<Dictionary<string, object?>>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == StorageTelemetry.Name && instrument.Name == "gbb.storage.errors")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            if (ThisTest.Value)
            {
                errors.Add(tags.ToArray().ToDictionary(t => t.Key, t => t.Value));
            }
        });
        listener.Start();
        ThisTest.Value = true;
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.IsType<TablePreconditionFailedException>(TableErrors.Map(new RequestFailedException(412, "stale", "UpdateConditionNotSatisfied", null), "update", CancellationToken.None));
        Assert.IsType<TableStorageUnavailableException>(TableErrors.Map(new HttpRequestException("refused"), "ping", CancellationToken.None));
        Assert.Null(TableErrors.Map(new OperationCanceledException(), "query", cancelled.Token));

        Assert.Equal(2, errors.Count);
        Assert.Equal("update", errors[0]["gbb.storage.operation"]);
        Assert.Equal(412, errors[0]["http.response.status_code"]);
        Assert.Equal("UpdateConditionNotSatisfied", errors[0]["gbb.storage.error_code"]);
        Assert.Equal("ping", errors[1]["gbb.storage.operation"]);
        Assert.Equal(0, errors[1]["http.response.status_code"]);
        Assert.Equal("none", errors[1]["gbb.storage.error_code"]);
    }
}

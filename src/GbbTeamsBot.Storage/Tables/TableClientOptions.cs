using Azure.Core;

namespace GbbTeamsBot.Storage.Tables;

/// <summary>
/// Azure.Core client options for the hand-written Table client. Defaults retry transient failures
/// (408/429/500/502/503/504 and connection errors) with exponential backoff for about half a minute.
/// </summary>
public sealed class TableClientOptions : ClientOptions
{
    public TableClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 6;
        Retry.Delay = TimeSpan.FromMilliseconds(400);
        Retry.MaxDelay = TimeSpan.FromSeconds(10);
        Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        Diagnostics.IsLoggingContentEnabled = false;
        Diagnostics.ApplicationId = "GbbTeamsBot";
    }

    /// <summary>The x-ms-version sent with every request.</summary>
    public string ServiceVersion { get; set; } = "2019-02-02";

    /// <summary>Clock used for x-ms-date (tests may pass a fixed one).</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Options for a readiness probe: no retries and a short timeout, so /readyz answers fast.</summary>
    public static TableClientOptions ForProbe(TimeSpan timeout)
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = timeout;
        return options;
    }
}

using Azure.Monitor.OpenTelemetry.AspNetCore;
using GbbTeamsBot.Application;
using GbbTeamsBot.BotFramework;
using GbbTeamsBot.Health;
using GbbTeamsBot.Storage;
using OpenTelemetry;
using OpenTelemetry.Instrumentation.AspNetCore;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GbbTeamsBot.Hosting;

/// <summary>
/// OpenTelemetry for the host: ASP.NET Core, HttpClient and runtime instrumentation, the Azure SDK's activity sources
/// and the layers' own spans and metrics. Exported to Azure Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING is set,
/// else over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is (both read as configuration keys, so environment variables and
/// App Service settings work); with neither nothing leaves the process. <see cref="TelemetryRedaction"/> runs before
/// any exporter, so traces carry ids and kinds only.
/// </summary>
public static class TelemetrySetup
{
    public const string AzureMonitorConnectionStringKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ServiceName = "GbbTeamsBot";

    /// <summary>The Azure SDK creates its spans only with this switch (the Azure Monitor distro sets it as well).</summary>
    private const string AzureSdkActivitySourceSwitch = "Azure.Experimental.EnableActivitySource";

    public static IReadOnlyList<string> ActivitySources { get; } = [BotFrameworkTelemetry.Name, "Azure.*"];

    public static IReadOnlyList<string> Meters { get; } = [BotFrameworkTelemetry.Name, StorageTelemetry.Name, ApplicationTelemetry.Name];

    public static WebApplicationBuilder AddGbbTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        AppContext.SetSwitch(AzureSdkActivitySourceSwitch, true);

        // Options through Configure, so the Azure Monitor distro's own instrumentation gets the same settings.
        // RecordException stays off: an exception message may quote a request.
        builder.Services.Configure<AspNetCoreTraceInstrumentationOptions>(options =>
            options.Filter = context => !HealthEndpoints.IsProbe(context.Request.Path));

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddSource([.. ActivitySources])
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddProcessor(new TelemetryRedaction()))
            .WithMetrics(metrics => metrics
                .AddMeter([.. Meters])
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation());

        var connectionString = builder.Configuration[AzureMonitorConnectionStringKey];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            telemetry.UseAzureMonitor(options => options.ConnectionString = connectionString);
        }
        else if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointKey]))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}

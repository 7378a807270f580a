using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GbbTeamsBot.Health;

/// <summary>
/// ASP.NET Core health checks behind the two probes. GET /healthz (liveness) answers 200 "ok" while the process is up;
/// GET /readyz (readiness, App Service's health check path) answers 200 {"status":"ready"} while Table storage answers,
/// else 503 {"status":"unavailable","reason":…}.
/// </summary>
public static class HealthEndpoints
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/readyz";
    public const string LivenessTag = "liveness";
    public const string ReadinessTag = "readiness";

    private static readonly string[] GetOnly = [HttpMethods.Get];

    /// <summary>Probes are polled by the platform every minute per instance; they are not worth a trace each.</summary>
    public static bool IsProbe(PathString path) =>
        path.Equals(LivenessPath, StringComparison.OrdinalIgnoreCase) || path.Equals(ReadinessPath, StringComparison.OrdinalIgnoreCase);

    public static IServiceCollection AddGbbHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy(), [LivenessTag])
            .AddCheck<StorageHealthCheck>("storage", failureStatus: HealthStatus.Unhealthy, tags: [ReadinessTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks(LivenessPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(LivenessTag),
            ResponseWriter = WriteLivenessAsync,
        }).WithMetadata(new HttpMethodMetadata(GetOnly));
        endpoints.MapHealthChecks(ReadinessPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadinessTag),
            ResponseWriter = WriteReadinessAsync,
        }).WithMetadata(new HttpMethodMetadata(GetOnly));
        return endpoints;
    }

    private static Task WriteLivenessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(report.Status == HealthStatus.Unhealthy ? "unhealthy" : "ok");
    }

    private static Task WriteReadinessAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        object body = report.Status == HealthStatus.Unhealthy
            ? new { status = "unavailable", reason = report.Entries.Values.Select(e => e.Description).FirstOrDefault(d => d is not null) }
            : new { status = "ready" };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, body.GetType(), cancellationToken: context.RequestAborted);
    }
}

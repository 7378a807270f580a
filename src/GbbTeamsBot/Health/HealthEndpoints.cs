using GbbTeamsBot.Storage;

namespace GbbTeamsBot.Health;

/// <summary>Liveness answers while the process is up; readiness asks Table storage on every call, so it recovers by itself.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok"));
        endpoints.MapGet("/readyz", async (IStorageReadiness storage, CancellationToken ct) =>
        {
            var result = await storage.CheckAsync(ct);
            return result.IsReady
                ? Results.Json(new { status = "ready" })
                : Results.Json(new { status = "unavailable", reason = result.Reason }, statusCode: StatusCodes.Status503ServiceUnavailable);
        });
        return endpoints;
    }
}

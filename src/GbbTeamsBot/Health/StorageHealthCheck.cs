using GbbTeamsBot.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GbbTeamsBot.Health;

/// <summary>Readiness: asks Table storage on every call (its own short time limit, no retries), so it recovers by itself.</summary>
internal sealed class StorageHealthCheck(IStorageReadiness storage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = await storage.CheckAsync(cancellationToken);
        // The reason is the probe's short text (status and kind), never an address or a key.
        return result.IsReady
            ? HealthCheckResult.Healthy()
            : new HealthCheckResult(context.Registration.FailureStatus, result.Reason);
    }
}

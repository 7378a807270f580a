using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GbbTeamsBot.Storage;

/// <summary>Metrics of the storage layer: failures by operation kind and status, never keys, values or addresses.</summary>
public static class StorageTelemetry
{
    public const string Name = "GbbTeamsBot.Storage";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Errors = Meter.CreateCounter<long>(
        "gbb.storage.errors", "{error}", "Table storage calls that failed, by operation, status (0: not reached) and service error code.");

    internal static void Failed(string operation, int status, string? errorCode) =>
        Errors.Add(1, new TagList
        {
            { "gbb.storage.operation", operation },
            { "http.response.status_code", status },
            // The service's codes are a fixed vocabulary (e.g. ResourceNotFound); capped in case of a surprise.
            { "gbb.storage.error_code", errorCode is null ? "none" : errorCode[..Math.Min(errorCode.Length, 64)] },
        });
}

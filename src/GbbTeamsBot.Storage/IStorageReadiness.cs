namespace GbbTeamsBot.Storage;

/// <summary>Answers whether Table storage is reachable right now (used by /readyz).</summary>
public interface IStorageReadiness
{
    Task<StorageReadinessResult> CheckAsync(CancellationToken cancellationToken);
}

public sealed record StorageReadinessResult(bool IsReady, string? Reason)
{
    public static StorageReadinessResult Ready { get; } = new(true, null);
    public static StorageReadinessResult Unavailable(string reason) => new(false, reason);
}

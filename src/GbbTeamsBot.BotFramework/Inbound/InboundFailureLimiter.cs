using System.Net;
using System.Threading.RateLimiting;

namespace GbbTeamsBot.BotFramework.Inbound;

/// <summary>
/// Per client IP, counts requests to the messages endpoint that failed before or at authentication (400, 401, 413).
/// Once an address has used its budget in the current window, its requests are answered 429 before the body is read,
/// so token guessing and junk floods cost the bot almost nothing. Built on the fixed-window limiter of ASP.NET Core's
/// rate limiting (System.Threading.RateLimiting); a permit is taken only for a failure, never for a good request.
/// </summary>
public sealed class InboundFailureLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<IPAddress> _limiter;

    public InboundFailureLimiter(InboundLimitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Window = options.FailureWindow;
        _limiter = PartitionedRateLimiter.Create<IPAddress, IPAddress>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.FailuresPerClient,
            Window = options.FailureWindow,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public TimeSpan Window { get; }

    /// <summary>True while the address has failures left in this window (asking for zero permits takes none).</summary>
    public bool Admits(IPAddress? address)
    {
        using var lease = _limiter.AttemptAcquire(Key(address), 0);
        return lease.IsAcquired;
    }

    public void RecordFailure(IPAddress? address)
    {
        using var lease = _limiter.AttemptAcquire(Key(address), 1);
    }

    // IPv4 clients may arrive as IPv4-mapped IPv6 addresses on dual-stack sockets; one client, one budget.
    private static IPAddress Key(IPAddress? address) =>
        address is null ? IPAddress.None : address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    public void Dispose() => _limiter.Dispose();
}

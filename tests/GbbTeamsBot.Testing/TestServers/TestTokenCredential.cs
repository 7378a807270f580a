using Azure.Core;

namespace GbbTeamsBot.TestServers;

/// <summary>Stands in for Entra ID in tests: hands out numbered tokens and counts how often it was asked.</summary>
public sealed class TestTokenCredential : TokenCredential
{
    private int _calls;

    public TimeSpan Lifetime { get; init; } = TimeSpan.FromHours(1);

    public int Calls => Volatile.Read(ref _calls);

    public string? LastScope { get; private set; }

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var n = Interlocked.Increment(ref _calls);
        LastScope = string.Join(' ', requestContext.Scopes);
        return new AccessToken($"test-token-{n}", DateTimeOffset.UtcNow + Lifetime);
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}

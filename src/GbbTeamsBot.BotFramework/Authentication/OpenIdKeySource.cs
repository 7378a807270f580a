using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace GbbTeamsBot.BotFramework.Authentication;

/// <summary>
/// Signing keys of one OpenID metadata document, with the Bot Framework "endorsements" (channel ids) that the
/// standard JWKS model drops. Keys are cached, refreshed periodically, refetched on an unknown key id at most once
/// per <see cref="BotAuthOptions.UnknownKeyRefreshInterval"/>, and never trusted beyond <see cref="BotAuthOptions.MaxKeyAge"/>.
/// </summary>
public sealed partial class OpenIdKeySource : IDisposable
{
    private const int MaxDocumentBytes = 512 * 1024;

    private readonly Uri _metadataUrl;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly BotAuthOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile SigningKeySet? _current;
    private DateTimeOffset _lastAttempt = DateTimeOffset.MinValue;

    public OpenIdKeySource(Uri metadataUrl, HttpClient http, TimeProvider time, BotAuthOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(metadataUrl);
        if (!MetadataAddress.IsAllowed(metadataUrl))
        {
            throw new ArgumentException("Metadata must be served over https (http only on loopback).", nameof(metadataUrl));
        }

        _metadataUrl = metadataUrl;
        _http = http;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <summary>The current keys, fetched when missing or due; throws <see cref="SigningKeysUnavailableException"/> when none can be trusted.</summary>
    public async Task<SigningKeySet> GetKeysAsync(CancellationToken cancellationToken)
    {
        var current = _current;
        if (current is not null && _time.GetUtcNow() - current.FetchedAt < _options.KeyRefreshInterval)
        {
            return current;
        }

        return await RefreshAsync(force: false, cancellationToken);
    }

    /// <summary>Called for a key id not in the set: refetch unless that happened recently.</summary>
    public Task<SigningKeySet> RefreshForUnknownKeyAsync(CancellationToken cancellationToken) => RefreshAsync(force: true, cancellationToken);

    private async Task<SigningKeySet> RefreshAsync(bool force, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            var current = _current;
            var recentlyTried = now - _lastAttempt < _options.UnknownKeyRefreshInterval;
            var attempt = current is null
                || (force ? !recentlyTried : now - current.FetchedAt >= _options.KeyRefreshInterval && !recentlyTried);
            if (!attempt)
            {
                return Usable(current, now);
            }

            _lastAttempt = now;
            try
            {
                var fresh = await FetchAsync(cancellationToken);
                _current = fresh;
                LogKeysRefreshed(_metadataUrl.Host, fresh.Keys.Count);
                return fresh;
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException or TaskCanceledException or InvalidDataException or ArgumentException)
            {
                LogRefreshFailed(ex, _metadataUrl.Host);
                return Usable(current, now);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private SigningKeySet Usable(SigningKeySet? current, DateTimeOffset now) =>
        current is not null && now - current.FetchedAt < _options.MaxKeyAge
            ? current
            : throw new SigningKeysUnavailableException();

    private async Task<SigningKeySet> FetchAsync(CancellationToken cancellationToken)
    {
        using var metadata = await GetJsonAsync(_metadataUrl, cancellationToken);
        var jwksText = metadata.RootElement.TryGetProperty("jwks_uri", out var jwksProperty) ? jwksProperty.GetString() : null;
        if (!Uri.TryCreate(jwksText, UriKind.Absolute, out var jwksUri) || !MetadataAddress.IsAllowed(jwksUri))
        {
            throw new InvalidDataException("OpenID metadata has no usable jwks_uri.");
        }

        using var jwks = await GetJsonAsync(jwksUri, cancellationToken);
        var set = new JsonWebKeySet(jwks.RootElement.GetRawText());
        var extras = ReadNonStandardMembers(jwks.RootElement);
        var keys = new Dictionary<string, SigningKey>(StringComparer.Ordinal);
        foreach (var key in set.GetSigningKeys())
        {
            if (!string.IsNullOrEmpty(key.KeyId) && !keys.ContainsKey(key.KeyId))
            {
                var extra = extras.GetValueOrDefault(key.KeyId);
                keys[key.KeyId] = new SigningKey(key, extra.Endorsements ?? [], extra.Issuer);
            }
        }

        return new SigningKeySet(keys, _time.GetUtcNow());
    }

    /// <summary>Per key id: the Bot Framework "endorsements" and the Entra "issuer" member (for signing-key issuer validation).</summary>
    private static Dictionary<string, (string[]? Endorsements, string? Issuer)> ReadNonStandardMembers(JsonElement jwks)
    {
        var result = new Dictionary<string, (string[]? Endorsements, string? Issuer)>(StringComparer.Ordinal);
        if (!jwks.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
        {
            return result;
        }

        foreach (var key in keys.EnumerateArray())
        {
            if (key.ValueKind != JsonValueKind.Object
                || !key.TryGetProperty("kid", out var kid) || kid.ValueKind != JsonValueKind.String
                || result.ContainsKey(kid.GetString()!))
            {
                continue;
            }

            var endorsements = key.TryGetProperty("endorsements", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToArray()
                : null;
            var issuer = key.TryGetProperty("issuer", out var iss) && iss.ValueKind == JsonValueKind.String ? iss.GetString() : null;
            result[kid.GetString()!] = (endorsements, issuer);
        }

        return result;
    }

    private async Task<JsonDocument> GetJsonAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentLength > MaxDocumentBytes)
        {
            throw new InvalidDataException("Metadata document too large.");
        }

        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[MaxDocumentBytes + 1];
        var total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxDocumentBytes)
            {
                throw new InvalidDataException("Metadata document too large.");
            }
        }

        return JsonDocument.Parse(buffer.AsMemory(0, total));
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Signing keys from {MetadataHost} refreshed: {KeyCount} keys")]
    private partial void LogKeysRefreshed(string metadataHost, int keyCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signing keys from {MetadataHost} could not be refreshed")]
    private partial void LogRefreshFailed(Exception exception, string metadataHost);
}

/// <summary>A published key, the channels it may sign for and (Entra) the issuer it belongs to, possibly with a "{tenantid}" placeholder.</summary>
public sealed record SigningKey(SecurityKey Key, IReadOnlyList<string> Endorsements, string? Issuer = null);

public sealed record SigningKeySet(IReadOnlyDictionary<string, SigningKey> Keys, DateTimeOffset FetchedAt);

/// <summary>No trustworthy keys: the request is refused (fail closed).</summary>
public sealed class SigningKeysUnavailableException : Exception
{
    public SigningKeysUnavailableException() : base("Signing keys are unavailable.") { }

    public SigningKeysUnavailableException(string message) : base(message) { }

    public SigningKeysUnavailableException(string message, Exception inner) : base(message, inner) { }
}

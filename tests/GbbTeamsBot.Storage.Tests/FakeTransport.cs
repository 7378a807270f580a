using System.Diagnostics.CodeAnalysis;
using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace GbbTeamsBot.Storage.Tests;

/// <summary>A unit-test transport: records every request and answers from a script, without any network.</summary>
internal sealed class FakeTransport(Func<Request, int, (int Status, string? Body, string? ETag)> answer) : HttpPipelineTransport
{
    public List<(string Method, Uri Uri, Dictionary<string, string> Headers)> Requests { get; } = [];

    public override Request CreateRequest() => HttpClientTransport.Shared.CreateRequest();

    public override void Process(HttpMessage message) => ProcessAsync(message).AsTask().GetAwaiter().GetResult();

    public override ValueTask ProcessAsync(HttpMessage message)
    {
        var headers = message.Request.Headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
        Requests.Add((message.Request.Method.Method, message.Request.Uri.ToUri(), headers));
        var (status, body, etag) = answer(message.Request, Requests.Count);
        message.Response = new FakeResponse(status, body, etag, message.Request.ClientRequestId);
        return ValueTask.CompletedTask;
    }

    private sealed class FakeResponse(int status, string? body, string? etag, string clientRequestId) : Response
    {
        private readonly Dictionary<string, string> _headers = etag is null ? new(StringComparer.OrdinalIgnoreCase) : new(StringComparer.OrdinalIgnoreCase) { ["ETag"] = etag };

        public override int Status => status;

        public override string ReasonPhrase => status.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public override Stream? ContentStream { get; set; } = new MemoryStream(Encoding.UTF8.GetBytes(body ?? string.Empty));

        public override string ClientRequestId { get; set; } = clientRequestId;

        public override void Dispose() => ContentStream?.Dispose();

        protected override bool ContainsHeader(string name) => _headers.ContainsKey(name);

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => _headers.Select(h => new HttpHeader(h.Key, h.Value));

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value) => _headers.TryGetValue(name, out value);

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            var found = _headers.TryGetValue(name, out var value);
            values = found ? [value!] : null;
            return found;
        }
    }
}

internal sealed class FakeTokenCredential : TokenCredential
{
    public List<string[]> RequestedScopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        RequestedScopes.Add(requestContext.Scopes);
        return new AccessToken("fake-token", DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}

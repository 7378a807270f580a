using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using GbbTeamsBot.DevStack.Local;

namespace GbbTeamsBot.Storage.Tests;

/// <summary>
/// Talks to Azurite's Table REST API over plain HTTP without the SDK, signed SharedKeyLite with Azurite's well-known
/// development key, so a test can store rows byte for byte as an older client wrote them and look at what is stored.
/// </summary>
internal sealed class RawTableWriter(Uri tableEndpoint) : IDisposable
{
    private readonly HttpClient _http = new();

    /// <summary>Inserts one entity exactly as given (the JSON body of an Insert Entity request).</summary>
    public async Task InsertAsync(string table, string entityJson)
    {
        // Azurite in memory once refused the 31,929-character snapshot chunk as "PropertyValueTooLarge" that it took in
        // every other run (the limit is 32K characters); a second try tells its hiccup from a real refusal.
        for (var attempt = 1; ; attempt++)
        {
            using var request = Create(HttpMethod.Post, table);
            request.Headers.Add("Prefer", "return-no-content");
            request.Content = new StringContent(entityJson, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await _http.SendAsync(request);
            if ((int)response.StatusCode == 204)
            {
                return;
            }

            var body = await response.Content.ReadAsStringAsync();
            if (attempt == 1 && body.Contains("PropertyValueTooLarge", StringComparison.Ordinal))
            {
                continue;
            }

            throw new InvalidOperationException($"Azurite answered {(int)response.StatusCode} to a raw insert into {table}: {body}");
        }
    }

    /// <summary>One entity as stored, with every OData type annotation (full metadata).</summary>
    public async Task<string> GetFullMetadataAsync(string table, string partitionKey, string rowKey)
    {
        var resource = $"{table}(PartitionKey='{Escape(partitionKey)}',RowKey='{Escape(rowKey)}')";
        using var request = Create(HttpMethod.Get, resource);
        request.Headers.Accept.ParseAdd("application/json;odata=fullmetadata");
        using var response = await _http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }

    public void Dispose() => _http.Dispose();

    private static string Escape(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));

    private HttpRequestMessage Create(HttpMethod method, string resource)
    {
        var request = new HttpRequestMessage(method, new Uri(tableEndpoint.AbsoluteUri.TrimEnd('/') + "/" + resource));
        var date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        request.Headers.Add("x-ms-date", date);
        request.Headers.Add("x-ms-version", "2019-02-02");
        request.Headers.Add("DataServiceVersion", "3.0");
        request.Headers.Add("MaxDataServiceVersion", "3.0;NetFx");
        if (method != HttpMethod.Get)
        {
            request.Headers.Accept.ParseAdd("application/json;odata=minimalmetadata");
        }

        // SharedKeyLite for path-style (emulator) addresses: the account name appears twice in the signed resource.
        var account = AzuriteTableService.DevelopmentAccountName;
        var path = request.RequestUri!.AbsolutePath;
        var stringToSign = date + "\n/" + account + path;
        using var hmac = new HMACSHA256(Convert.FromBase64String(AzuriteTableService.DevelopmentAccountKey));
        var signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.TryAddWithoutValidation("Authorization", $"SharedKeyLite {account}:{signature}");
        return request;
    }
}

using System.Text;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace GbbTeamsBot.Storage.Tables;

/// <summary>
/// Entry point of the Table client: an Azure.Core pipeline (retries, telemetry, auth) plus table-level
/// operations. Authenticates with SharedKeyLite (connection string) or a TokenCredential (Bearer,
/// scope https://storage.azure.com/.default).
/// </summary>
public sealed class TableServiceClient
{
    public const string StorageScope = "https://storage.azure.com/.default";

    internal TableServiceClient(Uri endpoint, HttpPipeline pipeline, TableClientOptions options)
    {
        Endpoint = TableConnectionString.TrimTrailingSlash(endpoint);
        BaseAddress = Endpoint.AbsoluteUri.TrimEnd('/');
        Pipeline = pipeline;
        Options = options;
    }

    public TableServiceClient(TableConnectionString connectionString, TableClientOptions? options = null)
        : this(connectionString?.TableEndpoint ?? throw new ArgumentNullException(nameof(connectionString)), BuildSharedKeyPipeline(connectionString, options ??= new TableClientOptions()), options)
    {
    }

    public TableServiceClient(string connectionString, TableClientOptions? options = null)
        : this(TableConnectionString.Parse(connectionString), options)
    {
    }

    public TableServiceClient(Uri endpoint, TokenCredential credential, TableClientOptions? options = null)
        : this(endpoint, BuildTokenPipeline(credential, options ??= new TableClientOptions()), options)
    {
    }

    public Uri Endpoint { get; }

    /// <summary>The endpoint as text without a trailing slash, so paths can be appended as "/…".</summary>
    internal string BaseAddress { get; }

    internal HttpPipeline Pipeline { get; }

    internal TableClientOptions Options { get; }

    public TableClient GetTableClient(string tableName)
    {
        TableLimits.ValidateTableName(tableName);
        return new TableClient(this, tableName);
    }

    /// <summary>Creates the table; an existing table is fine (409 TableAlreadyExists is swallowed).</summary>
    public async Task CreateTableIfNotExistsAsync(string tableName, CancellationToken cancellationToken = default)
    {
        TableLimits.ValidateTableName(tableName);
        using var message = CreateMessage(RequestMethod.Post, new Uri(BaseAddress + "/Tables"));
        message.Request.Headers.SetValue("Prefer", "return-no-content");
        SetJsonContent(message, JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string> { ["TableName"] = tableName }));
        try
        {
            await SendAsync(message, "create table", cancellationToken).ConfigureAwait(false);
        }
        catch (TableConflictException)
        {
            // Already there: exactly what "if not exists" means.
        }
    }

    /// <summary>Deletes the table; a missing table is fine.</summary>
    public async Task DeleteTableIfExistsAsync(string tableName, CancellationToken cancellationToken = default)
    {
        TableLimits.ValidateTableName(tableName);
        using var message = CreateMessage(RequestMethod.Delete, new Uri(BaseAddress + "/Tables('" + Uri.EscapeDataString(tableName) + "')"));
        try
        {
            await SendAsync(message, "delete table", cancellationToken).ConfigureAwait(false);
        }
        catch (TableResourceNotFoundException)
        {
        }
    }

    /// <summary>A cheap authenticated call (lists at most one table) used by readiness probes.</summary>
    public async Task PingAsync(CancellationToken cancellationToken = default)
    {
        using var message = CreateMessage(RequestMethod.Get, new Uri(BaseAddress + "/Tables?$top=1"));
        await SendAsync(message, "ping", cancellationToken).ConfigureAwait(false);
    }

    internal HttpMessage CreateMessage(RequestMethod method, Uri uri)
    {
        var message = Pipeline.CreateMessage();
        var request = message.Request;
        request.Method = method;
        request.Uri.Reset(uri);
        request.Headers.SetValue("x-ms-version", Options.ServiceVersion);
        request.Headers.SetValue("DataServiceVersion", "3.0");
        request.Headers.SetValue("MaxDataServiceVersion", "3.0;NetFx");
        request.Headers.SetValue("Accept", "application/json;odata=minimalmetadata");
        return message;
    }

    internal static void SetJsonContent(HttpMessage message, byte[] body)
    {
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Content = RequestContent.Create(body);
    }

    /// <summary>Sends through the pipeline (with its retries) and turns failures into typed exceptions.</summary>
    internal async Task<Response> SendAsync(HttpMessage message, string operation, CancellationToken cancellationToken)
    {
        try
        {
            await Pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is Azure.Identity.AuthenticationFailedException or Azure.Identity.CredentialUnavailableException)
        {
            throw new TableStorageException(401, "AuthenticationFailed", $"No Entra ID token for Table storage could be obtained ({operation}).", null, ex);
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or OperationCanceledException or IOException or HttpRequestException)
        {
            throw new TableStorageUnavailableException($"Table storage could not be reached ({operation}).", ex);
        }

        var response = message.Response;
        if (response.Status >= 400)
        {
            throw CreateException(response, operation, null);
        }

        return response;
    }

    internal static TableStorageException CreateException(Response response, string operation, string? body) =>
        CreateException(response.Status, response.Headers.TryGetValue("x-ms-error-code", out var headerCode) ? headerCode : null, body ?? response.Content.ToString(), operation, null);

    internal static TableStorageException CreateException(int status, string? headerCode, string? body, string operation, int? index)
    {
        var (code, serviceMessage) = ParseError(body);
        code ??= headerCode;
        var firstLine = serviceMessage?.Split('\n')[0];
        var text = $"Table storage answered {status} {code ?? "(no code)"} to {operation}" + (index is null ? "" : $" (operation {index})") + (firstLine is null ? "." : $": {firstLine}");
        return status switch
        {
            404 => new TableResourceNotFoundException(status, code, text, index),
            409 => new TableConflictException(status, code, text, index),
            412 => new TablePreconditionFailedException(status, code, text, index),
            429 or 500 or 503 => new TableServiceBusyException(status, code, text),
            _ => new TableStorageException(status, code, text, index),
        };
    }

    internal static (string? Code, string? Message) ParseError(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && (document.RootElement.TryGetProperty("odata.error", out var error) || document.RootElement.TryGetProperty("error", out error)))
            {
                var code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
                string? message = null;
                if (error.TryGetProperty("message", out var m))
                {
                    message = m.ValueKind == JsonValueKind.Object && m.TryGetProperty("value", out var v) ? v.GetString() : m.ValueKind == JsonValueKind.String ? m.GetString() : null;
                }

                return (code, message);
            }
        }
        catch (JsonException)
        {
        }

        return (null, null);
    }

    private static HttpPipeline BuildSharedKeyPipeline(TableConnectionString connectionString, TableClientOptions options)
    {
        var key = Convert.FromBase64String(connectionString.AccountKey);
        return HttpPipelineBuilder.Build(options, new SharedKeyLitePolicy(connectionString.AccountName, key, options.TimeProvider));
    }

    private static HttpPipeline BuildTokenPipeline(TokenCredential credential, TableClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return HttpPipelineBuilder.Build(options, new DateHeaderPolicy(options.TimeProvider), new BearerTokenAuthenticationPolicy(credential, StorageScope));
    }

    /// <summary>x-ms-date on every attempt for Bearer requests as well.</summary>
    private sealed class DateHeaderPolicy(TimeProvider timeProvider) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) =>
            message.Request.Headers.SetValue("x-ms-date", timeProvider.GetUtcNow().ToString("r", System.Globalization.CultureInfo.InvariantCulture));
    }

    internal static string ReadBody(Response response) => response.Content is null ? string.Empty : Encoding.UTF8.GetString(response.Content.ToArray());
}

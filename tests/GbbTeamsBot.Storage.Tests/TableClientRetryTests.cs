using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Storage.Tests;

public sealed class TableClientRetryTests
{
    private const string Busy = "{\"odata.error\":{\"code\":\"ServerBusy\",\"message\":{\"lang\":\"en-US\",\"value\":\"The server is busy.\\nRequestId:1\"}}}";

    private static TableClientOptions FastRetries(FakeTransport transport, int maxRetries = 4)
    {
        var options = new TableClientOptions { Transport = transport };
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        options.Retry.MaxRetries = maxRetries;
        return options;
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(429)]
    public async Task Throttled_or_busy_answers_are_retried_until_the_write_succeeds(int status)
    {
        var transport = new FakeTransport((_, attempt) => attempt <= 2 ? (status, Busy, null) : (204, null, "W/\"datetime'2026-11-21T10%3A00%3A00Z'\""));
        var table = new TableServiceClient("UseDevelopmentStorage=true", FastRetries(transport)).GetTableClient("sessions");

        var etag = await table.UpsertReplaceAsync(new TableEntity("p", "r") { ["V"] = 1 });

        Assert.Equal("W/\"datetime'2026-11-21T10%3A00%3A00Z'\"", etag.ToString());
        Assert.Equal(3, transport.Requests.Count);
        Assert.All(transport.Requests, r => Assert.StartsWith("SharedKeyLite devstoreaccount1:", r.Headers["Authorization"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Storage_that_stays_busy_ends_in_a_typed_busy_error_with_the_service_code()
    {
        var transport = new FakeTransport((_, _) => (503, Busy, null));
        var table = new TableServiceClient("UseDevelopmentStorage=true", FastRetries(transport, maxRetries: 2)).GetTableClient("sessions");

        var error = await Assert.ThrowsAsync<TableServiceBusyException>(() => table.UpsertReplaceAsync(new TableEntity("p", "r")));

        Assert.Equal(503, error.Status);
        Assert.Equal("ServerBusy", error.ErrorCode);
        Assert.Equal(3, transport.Requests.Count);
    }

    [Fact]
    public async Task Conflicts_and_precondition_failures_are_not_retried()
    {
        var transport = new FakeTransport((_, _) => (412, "{\"odata.error\":{\"code\":\"UpdateConditionNotSatisfied\",\"message\":{\"value\":\"x\"}}}", null));
        var table = new TableServiceClient("UseDevelopmentStorage=true", FastRetries(transport)).GetTableClient("sessions");

        var error = await Assert.ThrowsAsync<TablePreconditionFailedException>(() => table.UpdateReplaceAsync(new TableEntity("p", "r"), new Azure.ETag("W/\"old\"")));

        Assert.Equal("UpdateConditionNotSatisfied", error.ErrorCode);
        Assert.Single(transport.Requests);
        Assert.Equal("W/\"old\"", transport.Requests[0].Headers["If-Match"]);
    }

    [Fact]
    public async Task Other_errors_carry_status_and_service_code()
    {
        var transport = new FakeTransport((_, _) => (400, "{\"odata.error\":{\"code\":\"InvalidInput\",\"message\":{\"value\":\"bad\"}}}", null));
        var table = new TableServiceClient("UseDevelopmentStorage=true", FastRetries(transport)).GetTableClient("sessions");

        var error = await Assert.ThrowsAsync<TableStorageException>(() => table.InsertAsync(new TableEntity("p", "r")));

        Assert.Equal(400, error.Status);
        Assert.Equal("InvalidInput", error.ErrorCode);
    }

    [Fact]
    public async Task Token_credential_sends_a_bearer_token_for_the_storage_scope_and_no_shared_key()
    {
        var transport = new FakeTransport((_, _) => (204, null, "W/\"1\""));
        var credential = new FakeTokenCredential();
        var client = new TableServiceClient(new Uri("https://acc.table.core.windows.net/"), credential, FastRetries(transport));

        await client.GetTableClient("sessions").UpsertMergeAsync(new TableEntity("p", "r") { ["V"] = 1 });

        var request = Assert.Single(transport.Requests);
        Assert.Equal("Bearer fake-token", request.Headers["Authorization"]);
        Assert.Equal(["https://storage.azure.com/.default"], credential.RequestedScopes[0]);
        Assert.True(request.Headers.ContainsKey("x-ms-date"));
        Assert.Equal("PATCH", request.Method);
        Assert.Equal("https://acc.table.core.windows.net/sessions(PartitionKey='p',RowKey='r')", request.Uri.AbsoluteUri);
    }

    [Fact]
    public async Task Requests_carry_the_table_service_headers_and_json_with_type_annotations()
    {
        string? body = null;
        var transport = new FakeTransport((request, _) =>
        {
            using var buffer = new MemoryStream();
            request.Content!.WriteTo(buffer, CancellationToken.None);
            body = System.Text.Encoding.UTF8.GetString(buffer.ToArray());
            return (204, null, "W/\"1\"");
        });
        var table = new TableServiceClient("UseDevelopmentStorage=true", FastRetries(transport)).GetTableClient("sessions");

        await table.InsertAsync(new TableEntity("p", "r") { ["L"] = 5L, ["G"] = Guid.Empty, ["I"] = 1 });

        var headers = transport.Requests[0].Headers;
        Assert.Equal("2019-02-02", headers["x-ms-version"]);
        Assert.Equal("application/json;odata=minimalmetadata", headers["Accept"]);
        Assert.Equal("return-no-content", headers["Prefer"]);
        Assert.Equal("{\"PartitionKey\":\"p\",\"RowKey\":\"r\",\"L@odata.type\":\"Edm.Int64\",\"L\":\"5\",\"G@odata.type\":\"Edm.Guid\",\"G\":\"00000000-0000-0000-0000-000000000000\",\"I\":1}", body);
    }

    [Fact]
    public async Task Invalid_entities_never_reach_the_wire()
    {
        var transport = new FakeTransport((_, _) => (204, null, null));
        var table = new TableServiceClient("UseDevelopmentStorage=true", FastRetries(transport)).GetTableClient("sessions");

        await Assert.ThrowsAsync<TableEntityValidationException>(() => table.InsertAsync(new TableEntity("p/1", "r")));
        await Assert.ThrowsAsync<TableEntityValidationException>(() => table.UpsertReplaceAsync(new TableEntity("p", "r") { ["S"] = new string('x', 40_000) }));
        await Assert.ThrowsAsync<ArgumentException>(() => table.UpdateReplaceAsync(new TableEntity("p", "r"), default));

        Assert.Empty(transport.Requests);
    }
}

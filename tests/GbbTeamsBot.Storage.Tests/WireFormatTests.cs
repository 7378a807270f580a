using System.Text;
using System.Text.Json;
using Azure.Core;
using GbbTeamsBot.Storage.Tables;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbbTeamsBot.Storage.Tests;

public sealed class WireFormatTests
{
    [Fact]
    public void Batch_response_parts_are_read_with_status_and_etag_whether_lines_end_in_crlf_or_lf()
    {
        const string body = "--batchresponse_1\nContent-Type: multipart/mixed; boundary=changesetresponse_2\n\n--changesetresponse_2\nContent-Type: application/http\n\nHTTP/1.1 204 No Content\nETag: W/\"a\"\nDataServiceVersion: 3.0;\n\n--changesetresponse_2\nContent-Type: application/http\n\nHTTP/1.1 201 Created\nETag: W/\"b\"\n\n{\"PartitionKey\":\"p\"}\n--changesetresponse_2--\n--batchresponse_1--\n";

        foreach (var variant in new[] { body, body.Replace("\n", "\r\n", StringComparison.Ordinal) })
        {
            var parts = TableBatch.ParseResponse(variant);

            Assert.Equal([204, 201], parts.Select(p => p.Status));
            Assert.Equal(["W/\"a\"", "W/\"b\""], parts.Select(p => p.ETag.ToString()));
            Assert.Equal("{\"PartitionKey\":\"p\"}", parts[1].Body);
        }
    }

    [Theory]
    [InlineData("{\"odata.error\":{\"code\":\"EntityAlreadyExists\",\"message\":{\"lang\":\"en-US\",\"value\":\"2:The specified entity already exists.\\nRequestId:x\"}}}", 2)]
    [InlineData("{\"odata.error\":{\"code\":\"ResourceNotFound\",\"message\":{\"lang\":\"en-US\",\"value\":\"17:The specified resource does not exist.\"}}}", 17)]
    [InlineData("{\"odata.error\":{\"code\":\"InvalidInput\",\"message\":{\"lang\":\"en-US\",\"value\":\"Bad request body.\"}}}", null)]
    public void The_failing_operation_index_is_read_from_the_error_message(string body, int? expected)
    {
        Assert.Equal(expected, TableBatch.ParseFailedIndex(body));
    }

    [Fact]
    public void Batch_request_body_has_one_changeset_part_per_operation_with_if_match_where_needed()
    {
        var service = new TableServiceClient("UseDevelopmentStorage=true");
        var table = service.GetTableClient("sessions");

        var body = Encoding.UTF8.GetString(TableBatch.BuildBody(service, table,
        [
            TableTransactionAction.Insert(new TableEntity("p", "a") { ["V"] = 1 }),
            TableTransactionAction.UpdateMerge(new TableEntity("p", "b") { ["V"] = 2 }, new Azure.ETag("W/\"e1\"")),
            TableTransactionAction.Delete("p", "O'Brien", Azure.ETag.All),
        ], out var boundary));

        Assert.StartsWith($"--{boundary}\r\nContent-Type: multipart/mixed; boundary=changeset_", body, StringComparison.Ordinal);
        Assert.Contains("POST http://127.0.0.1:10002/devstoreaccount1/sessions HTTP/1.1\r\n", body, StringComparison.Ordinal);
        Assert.Contains("MERGE http://127.0.0.1:10002/devstoreaccount1/sessions(PartitionKey='p',RowKey='b') HTTP/1.1\r\n", body, StringComparison.Ordinal);
        Assert.Contains("If-Match: W/\"e1\"\r\n", body, StringComparison.Ordinal);
        Assert.Contains("DELETE http://127.0.0.1:10002/devstoreaccount1/sessions(PartitionKey='p',RowKey='O%27%27Brien') HTTP/1.1\r\n", body, StringComparison.Ordinal);
        Assert.Contains("If-Match: *\r\n", body, StringComparison.Ordinal);
        Assert.EndsWith($"--{boundary}--\r\n", body, StringComparison.Ordinal);
        Assert.Equal(3, body.Split("Content-Type: application/http").Length - 1);
    }

    [Fact]
    public void Entity_json_reads_annotated_and_inferred_types()
    {
        const string json = "{\"odata.etag\":\"W/\\\"x\\\"\",\"PartitionKey\":\"p\",\"RowKey\":\"r\",\"Timestamp\":\"2026-11-21T10:00:00.1234567Z\",\"I\":5,\"D\":2.5,\"L@odata.type\":\"Edm.Int64\",\"L\":\"9007199254740993\",\"N@odata.type\":\"Edm.Double\",\"N\":\"NaN\",\"T@odata.type\":\"Edm.DateTime\",\"T\":\"2026-11-21T10:42:00Z\",\"G@odata.type\":\"Edm.Guid\",\"G\":\"0f8fad5b-d9cb-469f-a165-70867728950e\",\"B@odata.type\":\"Edm.Binary\",\"B\":\"AAH/\",\"S\":\"Grüße\",\"F\":false}";
        using var document = JsonDocument.Parse(json);

        var entity = TableEntityJson.Deserialize(document.RootElement);

        Assert.Equal("W/\"x\"", entity.ETag.ToString());
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 10, 0, 0, TimeSpan.Zero).AddTicks(1234567), entity.Timestamp);
        Assert.Equal(5, entity["I"]);
        Assert.Equal(2.5, entity["D"]);
        Assert.Equal(9007199254740993L, entity["L"]);
        Assert.True(double.IsNaN(entity.GetDouble("N")!.Value));
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 10, 42, 0, TimeSpan.Zero), entity["T"]);
        Assert.Equal(Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e"), entity["G"]);
        Assert.Equal(new byte[] { 0, 1, 255 }, entity["B"]);
        Assert.Equal("Grüße", entity["S"]);
        Assert.Equal(false, entity["F"]);
        Assert.False(entity.ContainsKey("Timestamp"));
    }

    [Fact]
    public void Entity_json_writes_annotations_for_types_json_cannot_carry()
    {
        var entity = new TableEntity("p", "r")
        {
            ["D"] = 3.0,
            ["Inf"] = double.PositiveInfinity,
            ["T"] = new DateTimeOffset(2026, 11, 21, 11, 42, 0, TimeSpan.FromHours(1)),
            ["B"] = new byte[] { 1, 2 },
            ["Ok"] = true,
        };

        var json = Encoding.UTF8.GetString(TableEntityJson.Serialize(entity));

        Assert.Equal("{\"PartitionKey\":\"p\",\"RowKey\":\"r\",\"D@odata.type\":\"Edm.Double\",\"D\":3,\"Inf@odata.type\":\"Edm.Double\",\"Inf\":\"Infinity\",\"T@odata.type\":\"Edm.DateTime\",\"T\":\"2026-11-21T10:42:00.0000000Z\",\"B@odata.type\":\"Edm.Binary\",\"B\":\"AQI=\",\"Ok\":true}", json);
    }

    [Fact]
    public void Error_bodies_are_mapped_to_typed_exceptions_with_code_and_batch_index()
    {
        const string body = "{\"odata.error\":{\"code\":\"UpdateConditionNotSatisfied\",\"message\":{\"lang\":\"en-US\",\"value\":\"The update condition specified in the request was not satisfied.\\nRequestId:1\"}}}";

        var error = TableServiceClient.CreateException(412, null, body, "batch", 3);

        var typed = Assert.IsType<TablePreconditionFailedException>(error);
        Assert.Equal("UpdateConditionNotSatisfied", typed.ErrorCode);
        Assert.Equal(3, typed.FailedOperationIndex);
        Assert.DoesNotContain("RequestId", typed.Message, StringComparison.Ordinal);
        Assert.IsType<TableResourceNotFoundException>(TableServiceClient.CreateException(404, "ResourceNotFound", null, "read", null));
        Assert.IsType<TableConflictException>(TableServiceClient.CreateException(409, "EntityAlreadyExists", null, "insert", null));
        Assert.Equal("ServerBusy", TableServiceClient.CreateException(503, "ServerBusy", "not json", "x", null).ErrorCode);
    }
}

public sealed class ReadinessUnitTests
{
    private sealed class FailingCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new Azure.Identity.CredentialUnavailableException("No managed identity endpoint found.");

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new Azure.Identity.CredentialUnavailableException("No managed identity endpoint found.");
    }

    [Fact]
    public async Task A_missing_managed_identity_makes_readiness_unavailable_instead_of_throwing()
    {
        var transport = new FakeTransport((_, _) => (200, "{\"value\":[]}", null));
        var client = new TableServiceClient(new Uri("https://acc.table.core.windows.net"), new FailingCredential(), new TableClientOptions { Transport = transport });
        var readiness = new TableStorageReadiness(client, NullLogger<TableStorageReadiness>.Instance);

        var result = await readiness.CheckAsync(CancellationToken.None);

        Assert.False(result.IsReady);
        Assert.Equal("Table storage refused the credentials", result.Reason);
        Assert.Empty(transport.Requests);
    }

    [Fact]
    public async Task Readiness_is_ready_when_the_ping_succeeds_and_sends_no_retries_when_it_fails()
    {
        var healthy = new FakeTransport((_, _) => (200, "{\"value\":[]}", null));
        var broken = new FakeTransport((_, _) => (503, null, null));
        var probeOptions = TableClientOptions.ForProbe(TimeSpan.FromSeconds(1));
        probeOptions.Transport = broken;

        var ok = await new TableStorageReadiness(new TableServiceClient("UseDevelopmentStorage=true", new TableClientOptions { Transport = healthy }), NullLogger<TableStorageReadiness>.Instance).CheckAsync(CancellationToken.None);
        var busy = await new TableStorageReadiness(new TableServiceClient("UseDevelopmentStorage=true", probeOptions), NullLogger<TableStorageReadiness>.Instance).CheckAsync(CancellationToken.None);

        Assert.True(ok.IsReady);
        Assert.Equal("GET", healthy.Requests[0].Method);
        Assert.Equal("http://127.0.0.1:10002/devstoreaccount1/Tables?$top=1", healthy.Requests[0].Uri.OriginalString);
        Assert.False(busy.IsReady);
        Assert.Single(broken.Requests);
    }
}

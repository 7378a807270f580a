using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;
using Microsoft.Extensions.Logging.Abstractions;

namespace GbbTeamsBot.Storage.Tests;

/// <summary>The SDK pipeline as the product configures it (retries, auth, probe) and the one error mapping, over a scripted transport.</summary>
public sealed class ClientOptionsTests
{
    private const string Busy = "{\"odata.error\":{\"code\":\"ServerBusy\",\"message\":{\"lang\":\"en-US\",\"value\":\"The server is busy.\\nRequestId:1\"}}}";

    private static TableClientOptions FastRetries(FakeTransport transport, int maxRetries = 4)
    {
        var options = StorageSetup.DefaultClientOptions();
        options.Transport = transport;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(5);
        options.Retry.MaxRetries = maxRetries;
        return options;
    }

    private static CheckedTableClient Table(FakeTransport transport, int maxRetries = 4) =>
        new(new TableServiceClient("UseDevelopmentStorage=true", FastRetries(transport, maxRetries)).GetTableClient("sessions"));

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(429)]
    public async Task Throttled_or_busy_answers_are_retried_until_the_write_succeeds(int status)
    {
        var transport = new FakeTransport((_, attempt) => attempt <= 2 ? (status, Busy, null) : (204, null, "W/\"datetime'2026-11-21T10%3A00%3A00Z'\""));

        var etag = await Table(transport).UpsertReplaceAsync(new TableEntity("p", "r") { ["V"] = 1 });

        Assert.Equal("W/\"datetime'2026-11-21T10%3A00%3A00Z'\"", etag.ToString());
        Assert.Equal(3, transport.Requests.Count);
        Assert.All(transport.Requests, r => Assert.StartsWith("SharedKeyLite devstoreaccount1:", r.Headers["Authorization"], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Storage_that_stays_busy_ends_in_a_typed_busy_error_with_the_service_code()
    {
        var transport = new FakeTransport((_, _) => (503, Busy, null));

        var error = await Assert.ThrowsAsync<TableServiceBusyException>(() => Table(transport, maxRetries: 2).UpsertReplaceAsync(new TableEntity("p", "r")));

        Assert.Equal(503, error.Status);
        Assert.Equal("ServerBusy", error.ErrorCode);
        Assert.Equal(3, transport.Requests.Count);
        Assert.DoesNotContain("RequestId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Conflicts_and_precondition_failures_are_not_retried()
    {
        var transport = new FakeTransport((_, _) => (412, "{\"odata.error\":{\"code\":\"UpdateConditionNotSatisfied\",\"message\":{\"value\":\"x\"}}}", null));

        var error = await Assert.ThrowsAsync<TablePreconditionFailedException>(() => Table(transport).UpdateReplaceAsync(new TableEntity("p", "r"), new Azure.ETag("W/\"old\"")));

        Assert.Equal("UpdateConditionNotSatisfied", error.ErrorCode);
        Assert.Single(transport.Requests);
        Assert.Equal("W/\"old\"", transport.Requests[0].Headers["If-Match"]);
    }

    [Fact]
    public async Task Other_errors_carry_status_and_service_code()
    {
        var transport = new FakeTransport((_, _) => (400, "{\"odata.error\":{\"code\":\"InvalidInput\",\"message\":{\"value\":\"bad\"}}}", null));

        var error = await Assert.ThrowsAsync<TableStorageException>(() => Table(transport).InsertAsync(new TableEntity("p", "r")));

        Assert.Equal(400, error.Status);
        Assert.Equal("InvalidInput", error.ErrorCode);
    }

    [Fact]
    public async Task Token_credential_sends_a_bearer_token_for_the_storage_scope_and_no_shared_key()
    {
        var transport = new FakeTransport((_, _) => (204, null, "W/\"1\""));
        var credential = new FakeTokenCredential();
        var client = new TableServiceClient(new Uri("https://acc.table.core.windows.net/"), credential, FastRetries(transport));

        await new CheckedTableClient(client.GetTableClient("sessions")).UpdateMergeAsync(new TableEntity("p", "r") { ["V"] = 1 }, Azure.ETag.All);

        var request = Assert.Single(transport.Requests);
        Assert.Equal("Bearer fake-token", request.Headers["Authorization"]);
        Assert.Contains("https://storage.azure.com/.default", credential.RequestedScopes[0]);
        Assert.Equal("PATCH", request.Method);
    }

    [Fact]
    public async Task Invalid_entities_never_reach_the_wire()
    {
        var transport = new FakeTransport((_, _) => (204, null, null));
        var table = Table(transport);

        await Assert.ThrowsAsync<TableEntityValidationException>(() => table.InsertAsync(new TableEntity("p/1", "r")));
        await Assert.ThrowsAsync<TableEntityValidationException>(() => table.UpsertReplaceAsync(new TableEntity("p", "r") { ["S"] = new string('x', 40_000) }));
        await Assert.ThrowsAsync<TableEntityValidationException>(() => table.UpsertReplaceAsync(new TableEntity("p", "r") { ["D"] = 1.5m }));
        await Assert.ThrowsAsync<ArgumentException>(() => table.UpdateReplaceAsync(new TableEntity("p", "r"), default));

        Assert.Empty(transport.Requests);
    }

    private sealed class FailingCredential : Azure.Core.TokenCredential
    {
        public override Azure.Core.AccessToken GetToken(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new Azure.Identity.CredentialUnavailableException("No managed identity endpoint found.");

        public override ValueTask<Azure.Core.AccessToken> GetTokenAsync(Azure.Core.TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            throw new Azure.Identity.CredentialUnavailableException("No managed identity endpoint found.");
    }

    [Fact]
    public async Task A_missing_managed_identity_makes_readiness_unavailable_instead_of_throwing()
    {
        var transport = new FakeTransport((_, _) => (200, "{\"value\":[]}", null));
        var options = StorageSetup.ProbeClientOptions(TimeSpan.FromSeconds(1));
        options.Transport = transport;
        var readiness = new TableStorageReadiness(new TableServiceClient(new Uri("https://acc.table.core.windows.net"), new FailingCredential(), options), NullLogger<TableStorageReadiness>.Instance);

        var result = await readiness.CheckAsync(CancellationToken.None);

        Assert.False(result.IsReady);
        Assert.Equal("Table storage refused the credentials", result.Reason);
        Assert.Empty(transport.Requests);
    }

    [Fact]
    public async Task Readiness_is_ready_when_listing_one_table_succeeds_and_sends_no_retries_when_it_fails()
    {
        var healthy = new FakeTransport((_, _) => (200, "{\"value\":[]}", null));
        var broken = new FakeTransport((_, _) => (503, null, null));
        var healthyOptions = StorageSetup.ProbeClientOptions(TimeSpan.FromSeconds(1));
        healthyOptions.Transport = healthy;
        var brokenOptions = StorageSetup.ProbeClientOptions(TimeSpan.FromSeconds(1));
        brokenOptions.Transport = broken;

        var ok = await new TableStorageReadiness(new TableServiceClient("UseDevelopmentStorage=true", healthyOptions), NullLogger<TableStorageReadiness>.Instance).CheckAsync(CancellationToken.None);
        var busy = await new TableStorageReadiness(new TableServiceClient("UseDevelopmentStorage=true", brokenOptions), NullLogger<TableStorageReadiness>.Instance).CheckAsync(CancellationToken.None);

        Assert.True(ok.IsReady);
        Assert.Equal("GET", healthy.Requests[0].Method);
        Assert.Contains("$top=1", healthy.Requests[0].Uri.Query, StringComparison.Ordinal);
        Assert.False(busy.IsReady);
        Assert.Single(broken.Requests);
    }
}

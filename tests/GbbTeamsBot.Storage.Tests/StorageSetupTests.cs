using GbbTeamsBot.DevStack.Local;
using GbbTeamsBot.Storage.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GbbTeamsBot.Storage.Tests;

public sealed class StorageSetupTests
{
    private static IHost BuildHost(params (string Key, string? Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddLogging();
        builder.Services.AddGbbStorage(builder.Configuration);
        return builder.Build();
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("AccountName=acc", null)]
    [InlineData(null, "http://acc.table.core.windows.net")]
    public async Task Missing_or_invalid_storage_configuration_stops_start_up_with_a_clear_message(string? connectionString, string? endpoint)
    {
        using var host = BuildHost(("Storage:ConnectionString", connectionString), ("Storage:TableEndpoint", endpoint));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_table_prefix_is_refused_at_start_up()
    {
        using var host = BuildHost(("Storage:ConnectionString", "UseDevelopmentStorage=true"), ("Storage:TablePrefix", "gbb-prod"));

        await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
    }

    [Fact]
    public void A_table_endpoint_with_managed_identity_is_accepted_and_creates_a_client_for_it()
    {
        using var host = BuildHost(("Storage:TableEndpoint", "https://acc.table.core.windows.net/"), ("Storage:ManagedIdentityClientId", "00000000-0000-0000-0000-000000000001"));

        var client = host.Services.GetRequiredService<Azure.Data.Tables.TableServiceClient>();

        Assert.Equal("acc", client.AccountName);
        Assert.NotNull(host.Services.GetRequiredService<SessionRepository>());
    }

    [Fact]
    public async Task Start_up_does_not_wait_for_storage_and_readiness_recovers_by_itself_when_storage_comes_back()
    {
        await using var azurite = await AzuriteTableService.StartAsync();
        await azurite.StopAsync();
        using var host = BuildHost(("Storage:ConnectionString", azurite.ConnectionString), ("Storage:TablePrefix", "Ready" + Guid.NewGuid().ToString("N")[..8]));

        await host.StartAsync();
        var readiness = host.Services.GetRequiredService<IStorageReadiness>();
        var down = await readiness.CheckAsync(CancellationToken.None);
        await azurite.StartAgainAsync();
        var up = await readiness.CheckAsync(CancellationToken.None);
        var tables = host.Services.GetRequiredService<StorageTables>();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!tables.AllCreated)
        {
            await Task.Delay(100, wait.Token);
        }

        await host.StopAsync();
        Assert.False(down.IsReady);
        Assert.Equal("Table storage unreachable", down.Reason);
        Assert.True(up.IsReady);
    }

    [Fact]
    public async Task Readiness_reports_refused_credentials_without_secrets()
    {
        await using var azurite = await AzuriteTableService.StartAsync();
        var wrongKey = Convert.ToBase64String(new byte[64]);
        using var host = BuildHost(("Storage:ConnectionString", $"AccountName=devstoreaccount1;AccountKey={wrongKey};TableEndpoint={azurite.TableEndpoint}"));

        var result = await host.Services.GetRequiredService<IStorageReadiness>().CheckAsync(CancellationToken.None);

        Assert.False(result.IsReady);
        Assert.Equal("Table storage refused the credentials", result.Reason);
    }

    [Fact]
    public async Task Repositories_from_the_container_work_against_storage()
    {
        await using var azurite = await AzuriteTableService.StartAsync();
        using var host = BuildHost(("Storage:ConnectionString", azurite.ConnectionString));
        var sessions = host.Services.GetRequiredService<SessionRepository>();
        var scope = new TeamScope("t", "team");

        await sessions.CreateAsync(scope, new SessionRecord("s1", 1, "running", null, "{}", DateTimeOffset.UnixEpoch));

        Assert.NotNull(await sessions.GetAsync(scope, "s1"));
        Assert.True((await host.Services.GetRequiredService<IStorageReadiness>().CheckAsync(CancellationToken.None)).IsReady);
    }
}

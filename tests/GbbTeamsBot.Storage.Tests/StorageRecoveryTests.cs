using System.Collections.Concurrent;
using GbbTeamsBot.DevStack.Local;
using GbbTeamsBot.Storage.Repositories;
using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Storage.Tests;

/// <summary>Each test runs its own Azurite so it can stop and restart it without disturbing the others.</summary>
public sealed class StorageRecoveryTests : IAsyncLifetime
{
    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), "gbb-azurite-" + Guid.NewGuid().ToString("N"));
    private AzuriteTableService? _azurite;

    private AzuriteTableService Azurite => _azurite!;

    public async Task InitializeAsync() => _azurite = await AzuriteTableService.StartAsync(dataFolder: _dataFolder);

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Azurite_stopped_and_restarted_mid_test_client_recovers_by_retry_and_no_acknowledged_write_is_lost()
    {
        // The product's retry settings (about half a minute), so a slow Azurite restart on a busy machine is ridden out.
        var table = new CheckedTableClient(new TableServiceClient(Azurite.ConnectionString, StorageSetup.DefaultClientOptions()).GetTableClient("recovery"));
        await table.CreateIfNotExistsAsync();
        var acknowledged = new ConcurrentDictionary<int, int>();
        var failures = new ConcurrentBag<Exception>();
        using var stopWriting = new CancellationTokenSource();

        // A writer that keeps upserting while storage goes away and comes back; it records only acknowledged writes.
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stopWriting.IsCancellationRequested || i < 40; i++)
            {
                try
                {
                    await table.UpsertReplaceAsync(new TableEntity("p", $"r{i:D5}") { ["Value"] = i * 7 });
                    acknowledged[i] = i * 7;
                }
                catch (TableStorageException ex)
                {
                    failures.Add(ex);
                }

                if (i >= 2000)
                {
                    break;
                }
            }
        });

        while (acknowledged.Count < 20)
        {
            await Task.Delay(20);
        }

        await Azurite.StopAsync();
        var acknowledgedBeforeRestart = acknowledged.Count;
        await Task.Delay(TimeSpan.FromSeconds(2));
        await Azurite.StartAgainAsync();
        while (acknowledged.Count < acknowledgedBeforeRestart + 20)
        {
            await Task.Delay(20);
        }

        await stopWriting.CancelAsync();
        await writer;

        Assert.Empty(failures);
        var stored = await table.QueryAsync(KeyFilters.PartitionKeyEquals("p")).ToDictionaryAsync(e => int.Parse(e.RowKey[1..], System.Globalization.CultureInfo.InvariantCulture), e => e.GetInt32("Value")!.Value);
        Assert.All(acknowledged, pair => Assert.Equal(pair.Value, stored[pair.Key]));
        Assert.True(acknowledged.Count >= acknowledgedBeforeRestart + 20);
    }

    [Fact]
    public async Task A_write_issued_while_storage_is_down_succeeds_once_it_is_back()
    {
        var sessions = new SessionRepository(new StorageTables(new TableServiceClient(Azurite.ConnectionString, StorageSetup.DefaultClientOptions()), "Rec"));
        var scope = new TeamScope("tenant", "team");
        var etag = await sessions.CreateAsync(scope, new SessionRecord("s1", 1, "running", null, "{}", DateTimeOffset.UnixEpoch));
        await Azurite.StopAsync();

        var save = sessions.SaveAsync(scope, new SessionRecord("s1", 2, "running", null, "{\"saved\":true}", DateTimeOffset.UnixEpoch), etag);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(save.IsCompleted);
        await Azurite.StartAgainAsync();
        await save;

        var stored = await sessions.GetAsync(scope, "s1");
        Assert.Equal("{\"saved\":true}", stored!.Session.SnapshotJson);
        Assert.Equal(2, stored.Session.Version);
    }

    [Fact]
    public async Task Without_storage_a_call_fails_with_unavailable_after_its_retries()
    {
        var options = StorageSetup.DefaultClientOptions();
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(50);
        var table = new CheckedTableClient(new TableServiceClient(Azurite.ConnectionString, options).GetTableClient("gone"));
        await Azurite.StopAsync();

        var error = await Assert.ThrowsAsync<TableStorageUnavailableException>(() => table.UpsertReplaceAsync(new TableEntity("p", "r")));

        Assert.Equal(0, error.Status);
        Assert.DoesNotContain(AzuriteTableService.DevelopmentAccountKey, error.ToString(), StringComparison.Ordinal);
    }
}

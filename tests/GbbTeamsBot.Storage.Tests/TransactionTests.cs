using Azure;
using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TransactionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Batch_of_mixed_operations_commits_all_and_returns_etags_in_order()
    {
        var table = await TestTables.CreateAsync(azurite);
        var existing = await table.InsertAsync(new TableEntity("p", "update") { ["V"] = 1 });
        await table.InsertAsync(new TableEntity("p", "delete") { ["V"] = 1 });
        await table.InsertAsync(new TableEntity("p", "merge") { ["Kept"] = "yes" });

        var results = await table.SubmitTransactionAsync(
        [
            Tx.Insert(new TableEntity("p", "new") { ["V"] = 1 }),
            Tx.UpdateReplace(new TableEntity("p", "update") { ["V"] = 2 }, existing),
            Tx.UpsertMerge(new TableEntity("p", "merge") { ["Added"] = 7 }),
            Tx.UpsertReplace(new TableEntity("p", "upsert") { ["V"] = 3 }),
            Tx.Delete("p", "delete", ETag.All),
        ]);

        Assert.Equal(5, results.Count);
        Assert.All(results.Take(4), r => Assert.NotEqual(default, r));
        Assert.Equal(2, (await table.GetAsync("p", "update"))["V"]);
        Assert.Equal(results[1], (await table.GetAsync("p", "update")).ETag);
        var merged = await table.GetAsync("p", "merge");
        Assert.Equal("yes", merged["Kept"]);
        Assert.Equal(7, merged["Added"]);
        Assert.NotNull(await table.GetIfExistsAsync("p", "new"));
        Assert.NotNull(await table.GetIfExistsAsync("p", "upsert"));
        Assert.Null(await table.GetIfExistsAsync("p", "delete"));
    }

    [Fact]
    public async Task Failing_batch_rolls_back_everything_and_reports_the_failing_index()
    {
        var table = await TestTables.CreateAsync(azurite);
        await table.InsertAsync(new TableEntity("p", "taken") { ["V"] = "original" });
        await table.InsertAsync(new TableEntity("p", "doomed") { ["V"] = "still here" });

        var error = await Assert.ThrowsAsync<TableConflictException>(() => table.SubmitTransactionAsync(
        [
            Tx.Insert(new TableEntity("p", "a") { ["V"] = 1 }),
            Tx.Delete("p", "doomed", ETag.All),
            Tx.Insert(new TableEntity("p", "taken") { ["V"] = "overwritten?" }),
            Tx.Insert(new TableEntity("p", "b") { ["V"] = 2 }),
        ]));

        Assert.Equal(2, error.FailedOperationIndex);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Null(await table.GetIfExistsAsync("p", "a"));
        Assert.Null(await table.GetIfExistsAsync("p", "b"));
        Assert.Equal("still here", (await table.GetAsync("p", "doomed"))["V"]);
        Assert.Equal("original", (await table.GetAsync("p", "taken"))["V"]);
    }

    [Fact]
    public async Task Batch_with_a_stale_etag_fails_with_precondition_and_changes_nothing()
    {
        var table = await TestTables.CreateAsync(azurite);
        var stale = await table.InsertAsync(new TableEntity("p", "s") { ["V"] = 1 });
        await table.UpdateReplaceAsync(new TableEntity("p", "s") { ["V"] = 2 }, stale);

        var error = await Assert.ThrowsAsync<TablePreconditionFailedException>(() => table.SubmitTransactionAsync(
        [
            Tx.UpsertReplace(new TableEntity("p", "c1") { ["V"] = 1 }),
            Tx.UpdateReplace(new TableEntity("p", "s") { ["V"] = 3 }, stale),
        ]));

        Assert.Equal(1, error.FailedOperationIndex);
        Assert.Null(await table.GetIfExistsAsync("p", "c1"));
        Assert.Equal(2, (await table.GetAsync("p", "s"))["V"]);
    }

    [Fact]
    public async Task Batch_of_one_hundred_inserts_commits_and_one_hundred_one_is_refused_before_sending()
    {
        var table = await TestTables.CreateAsync(azurite);
        var hundred = Enumerable.Range(0, 100).Select(i => Tx.Insert(new TableEntity("p", $"r{i:D3}") { ["I"] = i })).ToArray();
        var tooMany = Enumerable.Range(0, 101).Select(i => Tx.Insert(new TableEntity("q", $"r{i:D3}"))).ToArray();

        await table.SubmitTransactionAsync(hundred);
        await Assert.ThrowsAsync<TableEntityValidationException>(() => table.SubmitTransactionAsync(tooMany));

        Assert.Equal(100, await table.QueryAsync(KeyFilters.PartitionKeyEquals("p")).CountAsync());
        Assert.Equal(0, await table.QueryAsync(KeyFilters.PartitionKeyEquals("q")).CountAsync());
    }

    [Fact]
    public async Task Batch_across_partitions_or_with_a_duplicate_row_is_refused_before_sending()
    {
        var table = await TestTables.CreateAsync(azurite);

        await Assert.ThrowsAsync<TableEntityValidationException>(() => table.SubmitTransactionAsync(
            [Tx.Insert(new TableEntity("p1", "r")), Tx.Insert(new TableEntity("p2", "r"))]));
        await Assert.ThrowsAsync<TableEntityValidationException>(() => table.SubmitTransactionAsync(
            [Tx.Insert(new TableEntity("p", "r")), Tx.UpsertMerge(new TableEntity("p", "r"))]));

        Assert.Equal(0, await table.QueryAsync().CountAsync());
    }
}

using Azure;
using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class CheckedTableClientTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Insert_then_point_read_returns_every_typed_property_unchanged()
    {
        var table = await TestTables.CreateAsync(azurite);
        var when = new DateTimeOffset(2026, 11, 21, 10, 42, 13, 123, TimeSpan.Zero).AddTicks(4567);
        var id = Guid.NewGuid();
        var entity = new TableEntity("p1", "r1")
        {
            ["Text"] = "Grüße, 'Zitat' & mehr ✓",
            ["Count"] = 42,
            ["Big"] = 9_007_199_254_740_993L,
            ["Flag"] = true,
            ["Ratio"] = 3.0,
            ["Fraction"] = 0.125,
            ["When"] = when,
            ["Id"] = id,
            ["Blob"] = new byte[] { 0, 1, 2, 250 },
        };

        var etag = await table.InsertAsync(entity);
        var read = await table.GetAsync("p1", "r1");

        Assert.NotEqual(default, etag);
        Assert.Equal(etag, read.ETag);
        Assert.Equal("Grüße, 'Zitat' & mehr ✓", read.GetString("Text"));
        Assert.Equal(42, read["Count"]);
        Assert.Equal(9_007_199_254_740_993L, read["Big"]);
        Assert.Equal(true, read["Flag"]);
        Assert.Equal(3.0, read["Ratio"]);
        Assert.IsType<double>(read["Ratio"]);
        Assert.Equal(0.125, read["Fraction"]);
        Assert.Equal(when, read["When"]);
        Assert.Equal(id, read["Id"]);
        Assert.Equal(new byte[] { 0, 1, 2, 250 }, read.GetBinary("Blob"));
        Assert.NotNull(read.Timestamp);
    }

    [Fact]
    public async Task Insert_of_an_existing_entity_is_a_conflict_and_keeps_the_original()
    {
        var table = await TestTables.CreateAsync(azurite);
        await table.InsertAsync(new TableEntity("p", "r") { ["V"] = "first" });

        var error = await Assert.ThrowsAsync<TableConflictException>(() => table.InsertAsync(new TableEntity("p", "r") { ["V"] = "second" }));

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
        Assert.Equal("first", (await table.GetAsync("p", "r")).GetString("V"));
    }

    [Fact]
    public async Task Upsert_replace_drops_missing_properties_and_update_merge_keeps_them()
    {
        var table = await TestTables.CreateAsync(azurite);
        var etag = await table.UpsertReplaceAsync(new TableEntity("p", "r") { ["A"] = 1, ["B"] = 2 });
        await table.UpdateMergeAsync(new TableEntity("p", "r") { ["C"] = 3, ["Dropped"] = null }, etag);
        var merged = await table.GetAsync("p", "r");
        await table.UpsertReplaceAsync(new TableEntity("p", "r") { ["D"] = 4 });
        var replaced = await table.GetAsync("p", "r");

        Assert.Equal([1, 2, 3], new[] { merged["A"], merged["B"], merged["C"] });
        Assert.False(merged.ContainsKey("Dropped"));
        Assert.False(replaced.ContainsKey("A"));
        Assert.Equal(4, replaced["D"]);
    }

    [Fact]
    public async Task Update_with_current_etag_succeeds_and_with_stale_etag_fails_with_precondition()
    {
        var table = await TestTables.CreateAsync(azurite);
        var first = await table.InsertAsync(new TableEntity("p", "r") { ["V"] = 1 });
        var second = await table.UpdateReplaceAsync(new TableEntity("p", "r") { ["V"] = 2 }, first);

        var error = await Assert.ThrowsAsync<TablePreconditionFailedException>(() => table.UpdateMergeAsync(new TableEntity("p", "r") { ["V"] = 3 }, first));

        Assert.NotEqual(first, second);
        Assert.Equal(412, error.Status);
        Assert.Equal(2, (await table.GetAsync("p", "r"))["V"]);
    }

    [Fact]
    public async Task Two_writers_with_the_same_etag_exactly_one_wins()
    {
        var table = await TestTables.CreateAsync(azurite);
        var etag = await table.InsertAsync(new TableEntity("p", "r") { ["Writer"] = "none" });

        var attempts = Enumerable.Range(0, 2).Select(async writer =>
        {
            try
            {
                await table.UpdateReplaceAsync(new TableEntity("p", "r") { ["Writer"] = $"w{writer}" }, etag);
                return $"w{writer}";
            }
            catch (TablePreconditionFailedException)
            {
                return null;
            }
        });
        var outcomes = await Task.WhenAll(attempts);

        var winner = Assert.Single(outcomes, o => o is not null);
        Assert.Single(outcomes, o => o is null);
        Assert.Equal(winner, (await table.GetAsync("p", "r")).GetString("Writer"));
    }

    [Fact]
    public async Task Delete_with_stale_etag_fails_and_with_current_etag_removes_the_entity()
    {
        var table = await TestTables.CreateAsync(azurite);
        var stale = await table.InsertAsync(new TableEntity("p", "r") { ["V"] = 1 });
        var current = await table.UpdateReplaceAsync(new TableEntity("p", "r") { ["V"] = 2 }, stale);

        await Assert.ThrowsAsync<TablePreconditionFailedException>(() => table.DeleteAsync("p", "r", stale));
        await table.DeleteAsync("p", "r", current);

        Assert.Null(await table.GetIfExistsAsync("p", "r"));
        var missing = await Assert.ThrowsAsync<TableResourceNotFoundException>(() => table.DeleteAsync("p", "r", ETag.All));
        Assert.Equal(404, missing.Status);
    }

    [Fact]
    public async Task Update_of_a_missing_entity_is_not_found()
    {
        var table = await TestTables.CreateAsync(azurite);

        await Assert.ThrowsAsync<TableResourceNotFoundException>(() => table.UpdateReplaceAsync(new TableEntity("p", "nope") { ["V"] = 1 }, ETag.All));
        Assert.Null(await table.GetIfExistsAsync("p", "nope"));
    }

    [Fact]
    public async Task Reading_from_a_missing_table_throws_instead_of_pretending_the_entity_is_absent()
    {
        var table = new CheckedTableClient(new TableServiceClient(azurite.ConnectionString).GetTableClient(TestTables.UniqueName()));

        var error = await Assert.ThrowsAsync<TableResourceNotFoundException>(() => table.GetIfExistsAsync("p", "r"));

        Assert.Equal("TableNotFound", error.ErrorCode);
    }

    [Fact]
    public async Task Keys_with_quotes_umlauts_and_url_characters_round_trip()
    {
        var table = await TestTables.CreateAsync(azurite);
        const string partition = "Mandant 'Süd' & Co: 50% +1 @team=ä;ö";
        const string row = "O'Brien|Straße|€|😀";
        await table.InsertAsync(new TableEntity(partition, row) { ["V"] = "x" });

        var read = await table.GetAsync(partition, row);
        var etag = await table.UpdateMergeAsync(new TableEntity(partition, row) { ["W"] = "y" }, read.ETag);
        await table.DeleteAsync(partition, row, etag);

        Assert.Equal(partition, read.PartitionKey);
        Assert.Equal(row, read.RowKey);
        Assert.Null(await table.GetIfExistsAsync(partition, row));
    }

    [Fact]
    public async Task Create_table_if_not_exists_twice_is_harmless()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        var table = new CheckedTableClient(service.GetTableClient(TestTables.UniqueName()));

        await table.CreateIfNotExistsAsync();
        await table.CreateIfNotExistsAsync();
        await table.InsertAsync(new TableEntity("p", "r"));

        Assert.NotNull(await table.GetIfExistsAsync("p", "r"));
    }
}

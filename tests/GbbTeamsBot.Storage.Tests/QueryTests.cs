using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class QueryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Query_follows_continuation_over_more_than_one_thousand_entities()
    {
        var table = await TestTables.CreateAsync(azurite);
        const int total = 1234;
        for (var start = 0; start < total; start += 100)
        {
            var actions = Enumerable.Range(start, Math.Min(100, total - start))
                .Select(i => Tx.Insert(new TableEntity("big", $"r{i:D5}") { ["I"] = i }))
                .ToArray();
            await table.SubmitTransactionAsync(actions);
        }

        var all = await table.QueryAsync(KeyFilters.PartitionKeyEquals("big")).ToListAsync();
        var smallPages = await table.QueryAsync(KeyFilters.PartitionKeyEquals("big"), maxPerPage: 100).CountAsync();

        Assert.Equal(total, smallPages);
        Assert.Equal(total, all.Count);
        Assert.Equal(Enumerable.Range(0, total), all.Select(e => e.GetInt32("I")!.Value));
    }

    [Fact]
    public async Task First_match_is_the_lowest_row_key_and_null_when_nothing_matches()
    {
        var table = await TestTables.CreateAsync(azurite);
        await table.SubmitTransactionAsync(Enumerable.Range(0, 25).Select(i => Tx.Insert(new TableEntity("p", $"r{24 - i:D2}"))).ToArray());

        var first = await table.QueryFirstAsync(KeyFilters.RowKeyStartsWith("p", "r1"));
        var none = await table.QueryFirstAsync(KeyFilters.RowKeyStartsWith("p", "x"));

        Assert.Equal("r10", first!.RowKey);
        Assert.Null(none);
    }

    [Fact]
    public async Task Filter_values_with_quotes_and_umlauts_match_exactly_and_cannot_inject()
    {
        var table = await TestTables.CreateAsync(azurite);
        await table.InsertAsync(new TableEntity("p", "1") { ["Name"] = "O'Brien" });
        await table.InsertAsync(new TableEntity("p", "2") { ["Name"] = "Jörg Müller-Straße" });
        await table.InsertAsync(new TableEntity("p", "3") { ["Name"] = "x' or Name ne 'y" });
        await table.InsertAsync(new TableEntity("p", "4") { ["Name"] = "other" });

        async Task<string[]> Find(string name) =>
            (await table.QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {"p"} and Name eq {name}")).ToListAsync()).Select(e => e.RowKey).ToArray();

        Assert.Equal(["1"], await Find("O'Brien"));
        Assert.Equal(["2"], await Find("Jörg Müller-Straße"));
        Assert.Equal(["3"], await Find("x' or Name ne 'y"));
        Assert.Empty(await Find("' or PartitionKey ne '"));
    }

    [Fact]
    public async Task Typed_filters_select_and_row_key_prefix_ranges_work()
    {
        var table = await TestTables.CreateAsync(azurite);
        var noon = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
        var id = Guid.NewGuid();
        await table.InsertAsync(new TableEntity("p", "a|1") { ["N"] = 5L, ["At"] = noon, ["Id"] = id, ["Ok"] = true, ["Extra"] = "e" });
        await table.InsertAsync(new TableEntity("p", "a|2") { ["N"] = 50L, ["At"] = noon.AddHours(1), ["Id"] = Guid.NewGuid(), ["Ok"] = false });
        await table.InsertAsync(new TableEntity("p", "b|1") { ["N"] = 5L, ["At"] = noon, ["Id"] = id, ["Ok"] = true });

        var prefix = await table.QueryAsync(KeyFilters.RowKeyStartsWith("p", "a|")).Select(e => e.RowKey).ToListAsync();
        var typed = await table.QueryAsync(KeyFilters.And(KeyFilters.RowKeyStartsWith("p", "a|"), TableClient.CreateQueryFilter($"N lt {10L} and At le {noon} and Id eq {id} and Ok eq {true}"))).ToListAsync();
        var selected = await table.QueryAsync(TableClient.CreateQueryFilter($"RowKey eq {"a|1"}"), ["N"]).SingleAsync();

        Assert.Equal(["a|1", "a|2"], prefix);
        Assert.Equal("a|1", Assert.Single(typed).RowKey);
        Assert.Equal(5L, selected["N"]);
        Assert.False(selected.ContainsKey("Extra"));
        Assert.NotEqual(default, selected.ETag);
    }
}

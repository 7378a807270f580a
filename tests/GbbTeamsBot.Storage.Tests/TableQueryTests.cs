using GbbTeamsBot.Storage.Tables;
using GbbTeamsBot.Testing;

namespace GbbTeamsBot.Storage.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TableQueryTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Query_follows_continuation_over_more_than_one_thousand_entities()
    {
        var table = await TestTables.CreateAsync(azurite);
        const int total = 1234;
        for (var start = 0; start < total; start += 100)
        {
            var actions = Enumerable.Range(start, Math.Min(100, total - start))
                .Select(i => TableTransactionAction.Insert(new TableEntity("big", $"r{i:D5}") { ["I"] = i }))
                .ToArray();
            await table.SubmitTransactionAsync(actions);
        }

        var firstPage = await table.QueryPageAsync(TableFilter.PartitionKeyEquals("big"), null, null, null);
        var all = await table.QueryAsync(TableFilter.PartitionKeyEquals("big")).ToListAsync();

        Assert.Equal(1000, firstPage.Items.Count);
        Assert.NotNull(firstPage.Continuation);
        Assert.Equal(total, all.Count);
        Assert.Equal(Enumerable.Range(0, total), all.Select(e => e.GetInt32("I")!.Value));
    }

    [Fact]
    public async Task Top_limits_the_page_size_and_pages_chain_without_gaps_or_duplicates()
    {
        var table = await TestTables.CreateAsync(azurite);
        await table.SubmitTransactionAsync(Enumerable.Range(0, 25).Select(i => TableTransactionAction.Insert(new TableEntity("p", $"r{i:D2}"))).ToArray());

        var pages = new List<int>();
        var keys = new List<string>();
        TableContinuation? continuation = null;
        do
        {
            var page = await table.QueryPageAsync(TableFilter.PartitionKeyEquals("p"), null, 10, continuation);
            pages.Add(page.Items.Count);
            keys.AddRange(page.Items.Select(e => e.RowKey));
            continuation = page.Continuation;
        }
        while (continuation is not null);

        Assert.Equal([10, 10, 5], pages);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"r{i:D2}"), keys);
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
            (await table.QueryAsync(TableFilter.Create($"PartitionKey eq {"p"} and Name eq {name}")).ToListAsync()).Select(e => e.RowKey).ToArray();

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

        var prefix = await table.QueryAsync(TableFilter.RowKeyStartsWith("p", "a|")).Select(e => e.RowKey).ToListAsync();
        var typed = await table.QueryAsync(TableFilter.RowKeyStartsWith("p", "a|").And(TableFilter.Create($"N lt {10L} and At le {noon} and Id eq {id} and Ok eq {true}"))).ToListAsync();
        var selected = await table.QueryAsync(TableFilter.Create($"RowKey eq {"a|1"}"), ["N"]).SingleAsync();

        Assert.Equal(["a|1", "a|2"], prefix);
        Assert.Equal("a|1", Assert.Single(typed).RowKey);
        Assert.Equal(5L, selected["N"]);
        Assert.Null(selected["Extra"]);
        Assert.NotEqual(default, selected.ETag);
    }
}

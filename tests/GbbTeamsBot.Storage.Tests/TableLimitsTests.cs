using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Storage.Tests;

public sealed class TableLimitsTests
{
    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\u0001b")]
    [InlineData("a\u007Fb")]
    [InlineData("a\u0085b")]
    public void Keys_with_forbidden_characters_are_rejected(string key)
    {
        var error = Assert.Throws<TableEntityValidationException>(() => TableLimits.ValidateEntity(new TableEntity("p", key)));
        Assert.Contains("RowKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_of_1024_characters_pass_and_1025_are_rejected()
    {
        TableLimits.ValidateEntity(new TableEntity(new string('k', 1024), "r"));
        Assert.Throws<TableEntityValidationException>(() => TableLimits.ValidateEntity(new TableEntity(new string('k', 1025), "r")));
    }

    [Fact]
    public void A_string_property_over_64_KiB_is_rejected()
    {
        TableLimits.ValidateEntity(new TableEntity("p", "r") { ["S"] = new string('x', 32 * 1024) });
        Assert.Throws<TableEntityValidationException>(() => TableLimits.ValidateEntity(new TableEntity("p", "r") { ["S"] = new string('x', 32 * 1024 + 1) }));
    }

    [Fact]
    public void A_binary_property_over_64_KiB_is_rejected()
    {
        Assert.Throws<TableEntityValidationException>(() => TableLimits.ValidateEntity(new TableEntity("p", "r") { ["B"] = new byte[64 * 1024 + 1] }));
    }

    [Fact]
    public void More_than_252_properties_are_rejected()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 252; i++)
        {
            entity[$"P{i}"] = i;
        }

        TableLimits.ValidateEntity(entity);
        entity["P252"] = 1;
        Assert.Throws<TableEntityValidationException>(() => TableLimits.ValidateEntity(entity));
    }

    [Fact]
    public void An_entity_over_1_MiB_is_rejected()
    {
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < 17; i++)
        {
            entity[$"S{i}"] = new string('x', 32 * 1024);
        }

        var error = Assert.Throws<TableEntityValidationException>(() => TableLimits.ValidateEntity(entity));
        Assert.Contains("1 MiB", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("has space")]
    [InlineData("with-dash")]
    public void Invalid_property_names_are_rejected(string name)
    {
        Assert.Throws<TableEntityValidationException>(() => TableLimits.ValidateEntity(new TableEntity("p", "r") { [name] = "x" }));
    }

    [Fact]
    public void Unsupported_property_types_and_local_datetimes_are_rejected()
    {
        Assert.Throws<TableEntityValidationException>(() => TableLimits.ValidateEntity(new TableEntity("p", "r") { ["D"] = 1.5m }));
        Assert.Throws<TableEntityValidationException>(() => TableLimits.ValidateEntity(new TableEntity("p", "r") { ["D"] = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local) }));
        TableLimits.ValidateEntity(new TableEntity("p", "r") { ["D"] = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), ["Missing"] = null });
    }

    [Fact]
    public void A_broken_surrogate_pair_is_rejected_in_values()
    {
        Assert.Throws<TableEntityValidationException>(() => TableLimits.ValidateEntity(new TableEntity("p", "r") { ["S"] = "a\uD800b" }));
    }

    [Fact]
    public void A_transaction_over_one_partition_of_at_most_100_distinct_rows_passes_and_anything_else_is_refused()
    {
        TableLimits.ValidateTransaction(Enumerable.Range(0, 100).Select(i => Tx.Insert(new TableEntity("p", $"r{i}"))).ToArray());

        Assert.Throws<TableEntityValidationException>(() => TableLimits.ValidateTransaction([]));
        Assert.Throws<TableEntityValidationException>(() => TableLimits.ValidateTransaction(Enumerable.Range(0, 101).Select(i => Tx.Insert(new TableEntity("p", $"r{i}"))).ToArray()));
        Assert.Throws<TableEntityValidationException>(() => TableLimits.ValidateTransaction([Tx.Insert(new TableEntity("p1", "r")), Tx.Insert(new TableEntity("p2", "r"))]));
        Assert.Throws<TableEntityValidationException>(() => TableLimits.ValidateTransaction([Tx.Insert(new TableEntity("p", "r")), Tx.Delete("p", "r", Azure.ETag.All)]));
    }

    [Fact]
    public void A_transaction_over_4_MiB_is_refused()
    {
        var big = Enumerable.Range(0, 5).Select(i =>
        {
            var entity = new TableEntity("p", $"r{i}");
            for (var s = 0; s < 14; s++)
            {
                entity[$"S{s}"] = new string('x', 32 * 1024);
            }

            return Tx.UpsertReplace(entity);
        }).ToArray();

        var error = Assert.Throws<TableEntityValidationException>(() => TableLimits.ValidateTransaction(big));
        Assert.Contains("4 MiB", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1table")]
    [InlineData("tables")]
    [InlineData("with-dash")]
    public void Invalid_table_names_are_rejected(string name)
    {
        Assert.Throws<TableEntityValidationException>(() => TableLimits.ValidateTableName(name));
    }
}

public sealed class KeyFiltersTests
{
    [Fact]
    public void Prefix_filter_uses_a_half_open_row_key_range()
    {
        Assert.Equal("PartitionKey eq 'p' and RowKey ge 'a|' and RowKey lt 'a}'", KeyFilters.RowKeyStartsWith("p", "a|"));
    }

    [Fact]
    public void Key_values_are_quoted_so_they_cannot_change_the_filter()
    {
        Assert.Equal("PartitionKey eq 'x'' or PartitionKey ne '''", KeyFilters.PartitionKeyEquals("x' or PartitionKey ne '"));
        Assert.Equal("(PartitionKey eq 'p') and (Status eq 'open')", KeyFilters.And(KeyFilters.PartitionKeyEquals("p"), TableClient.CreateQueryFilter($"Status eq {"open"}")));
    }
}

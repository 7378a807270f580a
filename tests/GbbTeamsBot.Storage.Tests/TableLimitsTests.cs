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
    [InlineData("PartitionKey")]
    [InlineData("Timestamp")]
    [InlineData("1abc")]
    [InlineData("has space")]
    public void System_or_invalid_property_names_are_rejected(string name)
    {
        Assert.Throws<TableEntityValidationException>(() => new TableEntity("p", "r")[name] = "x");
    }

    [Fact]
    public void Unsupported_property_types_and_local_datetimes_are_rejected()
    {
        Assert.Throws<TableEntityValidationException>(() => new TableEntity("p", "r")["D"] = 1.5m);
        Assert.Throws<TableEntityValidationException>(() => new TableEntity("p", "r")["D"] = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local));
    }

    [Fact]
    public void A_broken_surrogate_pair_is_rejected_in_values_and_filters()
    {
        Assert.Throws<TableEntityValidationException>(() => TableLimits.ValidateEntity(new TableEntity("p", "r") { ["S"] = "a\uD800b" }));
        Assert.Throws<TableEntityValidationException>(() => TableFilter.Create($"Name eq {"a\uDC00"}"));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1table")]
    [InlineData("tables")]
    [InlineData("with-dash")]
    public void Invalid_table_names_are_rejected(string name)
    {
        var service = new TableServiceClient("UseDevelopmentStorage=true");
        Assert.Throws<TableEntityValidationException>(() => service.GetTableClient(name));
    }
}

public sealed class TableFilterTests
{
    [Fact]
    public void Interpolated_values_become_typed_literals_with_quotes_doubled()
    {
        var at = new DateTimeOffset(2026, 11, 21, 10, 42, 0, TimeSpan.FromHours(1));
        var id = Guid.Parse("0f8fad5b-d9cb-469f-a165-70867728950e");

        var filter = TableFilter.Create($"Name eq {"O'Brien ä"} and N eq {7} and L eq {8L} and B eq {false} and D eq {1.5} and At ge {at} and Id eq {id} and X eq {new byte[] { 0xAB, 1 }}");

        Assert.Equal(
            "Name eq 'O''Brien ä' and N eq 7 and L eq 8L and B eq false and D eq 1.5 and At ge datetime'2026-11-21T09:42:00.0000000Z' and Id eq guid'0f8fad5b-d9cb-469f-a165-70867728950e' and X eq X'AB01'",
            filter.Expression);
    }

    [Fact]
    public void Prefix_filter_uses_a_half_open_row_key_range()
    {
        Assert.Equal("PartitionKey eq 'p' and RowKey ge 'a|' and RowKey lt 'a}'", TableFilter.RowKeyStartsWith("p", "a|").Expression);
    }

    [Fact]
    public void Null_values_are_rejected()
    {
        string? missing = null;
        Assert.Throws<TableEntityValidationException>(() => TableFilter.Create($"Name eq {missing}"));
    }
}

using Azure.Data.Tables;

namespace GbbTeamsBot.Storage.Tables;

/// <summary>
/// The key-shaped filters the repositories use, written by <see cref="TableClient.CreateQueryFilter(FormattableString)"/>
/// (which quotes and types every value), so no filter is ever pasted together from text.
/// </summary>
public static class KeyFilters
{
    public static string PartitionKeyEquals(string partitionKey) => TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}");

    /// <summary>All rows of one partition whose RowKey starts with <paramref name="rowKeyPrefix"/> (a range scan).</summary>
    public static string RowKeyStartsWith(string partitionKey, string rowKeyPrefix)
    {
        ArgumentNullException.ThrowIfNull(rowKeyPrefix);
        return rowKeyPrefix.Length == 0
            ? PartitionKeyEquals(partitionKey)
            : TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey} and RowKey ge {rowKeyPrefix} and RowKey lt {NextPrefix(rowKeyPrefix)}");
    }

    /// <summary>Both conditions; each side is a filter built by <see cref="TableClient.CreateQueryFilter(FormattableString)"/>.</summary>
    public static string And(string left, string right) => $"({left}) and ({right})";

    /// <summary>The smallest string greater than every string with this prefix.</summary>
    internal static string NextPrefix(string prefix)
    {
        var last = prefix[^1];
        return last == char.MaxValue ? prefix + '\u0001' : prefix[..^1] + (char)(last + 1);
    }
}

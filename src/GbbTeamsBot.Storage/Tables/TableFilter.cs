using System.Globalization;
using System.Text;

namespace GbbTeamsBot.Storage.Tables;

/// <summary>
/// An OData $filter built from values, never by pasting text: in <see cref="Create"/> only the literal parts of
/// the interpolated string are taken as written; every interpolated value is encoded as a typed literal
/// (strings quoted with '' doubling, datetime'…', guid'…', 123L, X'…').
/// </summary>
public sealed class TableFilter
{
    private TableFilter(string expression) => Expression = expression;

    /// <summary>The expression as sent in $filter (before URL encoding).</summary>
    public string Expression { get; }

    public static TableFilter Create(FormattableString filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var arguments = filter.GetArguments().Select(FormatLiteral).ToArray<object?>();
        return new TableFilter(string.Format(CultureInfo.InvariantCulture, filter.Format, arguments));
    }

    public static TableFilter PartitionKeyEquals(string partitionKey) => Create($"PartitionKey eq {partitionKey}");

    /// <summary>All rows of one partition whose RowKey starts with <paramref name="rowKeyPrefix"/> (a range scan).</summary>
    public static TableFilter RowKeyStartsWith(string partitionKey, string rowKeyPrefix)
    {
        ArgumentNullException.ThrowIfNull(rowKeyPrefix);
        if (rowKeyPrefix.Length == 0)
        {
            return PartitionKeyEquals(partitionKey);
        }

        return Create($"PartitionKey eq {partitionKey} and RowKey ge {rowKeyPrefix} and RowKey lt {NextPrefix(rowKeyPrefix)}");
    }

    public TableFilter And(TableFilter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new TableFilter($"({Expression}) and ({other.Expression})");
    }

    public override string ToString() => Expression;

    /// <summary>The smallest string greater than every string with this prefix.</summary>
    internal static string NextPrefix(string prefix)
    {
        var last = prefix[^1];
        if (last == char.MaxValue)
        {
            return prefix + '\u0001';
        }

        return prefix[..^1] + (char)(last + 1);
    }

    public static string FormatLiteral(object? value) => value switch
    {
        null => throw new TableEntityValidationException("A filter value must not be null."),
        string s => QuoteString(s),
        bool b => b ? "true" : "false",
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        double d when double.IsFinite(d) => d.ToString("R", CultureInfo.InvariantCulture),
        double => throw new TableEntityValidationException("A filter cannot compare with NaN or Infinity."),
        DateTimeOffset dt => "datetime'" + TableEntityJson.FormatDate(dt) + "'",
        DateTime { Kind: DateTimeKind.Utc } dt => "datetime'" + TableEntityJson.FormatDate(new DateTimeOffset(dt)) + "'",
        Guid g => "guid'" + g.ToString("D") + "'",
        byte[] bytes => "X'" + Convert.ToHexString(bytes) + "'",
        _ => throw new TableEntityValidationException($"A filter value of type {value.GetType().Name} is not supported."),
    };

    private static string QuoteString(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                throw new TableEntityValidationException("A filter value contains a broken UTF-16 surrogate pair.");
            }
        }

        var builder = new StringBuilder(value.Length + 2).Append('\'');
        builder.Append(value.Replace("'", "''", StringComparison.Ordinal));
        return builder.Append('\'').ToString();
    }
}

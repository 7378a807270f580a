using System.Text.RegularExpressions;
using Azure.Data.Tables;

namespace GbbTeamsBot.Storage.Tables;

/// <summary>Table storage limits, checked before anything is sent so a bad entity never reaches the wire.</summary>
public static partial class TableLimits
{
    public const int MaxKeyLength = 1024;
    public const int MaxStringBytes = 64 * 1024;
    public const int MaxStringLength = MaxStringBytes / 2;
    public const int MaxBinaryBytes = 64 * 1024;
    public const int MaxCustomProperties = 252;
    public const int MaxPropertyNameLength = 255;
    public const int MaxEntityBytes = 1024 * 1024;
    public const int MaxBatchOperations = 100;
    public const int MaxBatchPayloadBytes = 4 * 1024 * 1024;
    public const int MaxPageSize = 1000;

    private static readonly DateTimeOffset MinDate = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static void ValidateTableName(string tableName)
    {
        ArgumentNullException.ThrowIfNull(tableName);
        if (!TableNamePattern().IsMatch(tableName) || string.Equals(tableName, "tables", StringComparison.OrdinalIgnoreCase))
        {
            throw new TableEntityValidationException("A table name must be 3 to 63 letters or digits and start with a letter.");
        }
    }

    public static void ValidateKey(string? key, string keyName)
    {
        if (key is null)
        {
            throw new TableEntityValidationException($"{keyName} must not be null.");
        }

        if (key.Length > MaxKeyLength)
        {
            throw new TableEntityValidationException($"{keyName} is {key.Length} characters long; at most {MaxKeyLength} are allowed.");
        }

        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' || c <= '\u001F' || c is >= '\u007F' and <= '\u009F')
            {
                throw new TableEntityValidationException($"{keyName} contains a character Table storage forbids in keys (/ \\ # ? or a control character).");
            }
        }

        ValidateUtf16(key, keyName);
    }

    public static void ValidatePropertyName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Length > MaxPropertyNameLength || !PropertyNamePattern().IsMatch(name))
        {
            throw new TableEntityValidationException("A property name must be a C# identifier of at most 255 characters.");
        }

        if (IsSystemProperty(name))
        {
            throw new TableEntityValidationException($"'{name}' is a system property and cannot be set.");
        }
    }

    /// <summary>
    /// Checks keys, property names and types, property count, string/binary sizes, date range and the 1 MiB entity
    /// size. Null values are allowed here: they are not stored (see <see cref="CheckedTableClient"/>).
    /// </summary>
    public static void ValidateEntity(TableEntity entity) => EstimateSize(entity);

    /// <summary>
    /// Checks an entity group transaction before it is sent: 1 to 100 operations, one partition, every row at most
    /// once, every written entity within the limits, and the payload within 4 MiB.
    /// </summary>
    public static void ValidateTransaction(IReadOnlyList<TableTransactionAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        if (actions.Count is 0 or > MaxBatchOperations)
        {
            throw new TableEntityValidationException($"A batch holds 1 to {MaxBatchOperations} operations; this one has {actions.Count}.");
        }

        var partitionKey = actions[0].Entity.PartitionKey;
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        long payload = 0;
        foreach (var action in actions)
        {
            if (!string.Equals(action.Entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new TableEntityValidationException("All operations of a batch must share one PartitionKey.");
            }

            if (!rowKeys.Add(action.Entity.RowKey))
            {
                throw new TableEntityValidationException("An entity may appear only once in a batch.");
            }

            payload += action.ActionType == TableTransactionActionType.Delete ? 512 : EstimateSize(ToEntity(action.Entity)) + 512;
        }

        if (payload > MaxBatchPayloadBytes)
        {
            throw new TableEntityValidationException($"The batch payload is about {payload} bytes; at most {MaxBatchPayloadBytes} (4 MiB) are allowed.");
        }
    }

    internal static bool IsSystemProperty(string name) =>
        name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" || name.StartsWith("odata.", StringComparison.Ordinal);

    private static TableEntity ToEntity(ITableEntity entity) =>
        entity as TableEntity ?? throw new TableEntityValidationException("Batches are built from TableEntity rows only.");

    private static long EstimateSize(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateKey(entity.PartitionKey, "PartitionKey");
        ValidateKey(entity.RowKey, "RowKey");
        long size = 4 + (entity.PartitionKey.Length + entity.RowKey.Length) * 2L;
        var count = 0;
        foreach (var (name, value) in entity)
        {
            if (IsSystemProperty(name) || value is null)
            {
                continue;
            }

            ValidatePropertyName(name);
            count++;
            size += 8 + name.Length * 2L + ValueSize(name, value);
        }

        if (count > MaxCustomProperties)
        {
            throw new TableEntityValidationException($"The entity has {count} properties; at most {MaxCustomProperties} are allowed.");
        }

        if (size > MaxEntityBytes)
        {
            throw new TableEntityValidationException($"The entity is about {size} bytes; at most {MaxEntityBytes} (1 MiB) are allowed.");
        }

        return size;
    }

    private static long ValueSize(string name, object value)
    {
        switch (value)
        {
            case string s:
                if (s.Length > MaxStringLength)
                {
                    throw new TableEntityValidationException($"Property '{name}' holds {s.Length} characters; a string property holds at most {MaxStringLength} (64 KiB).");
                }

                ValidateUtf16(s, name);
                return 4 + s.Length * 2L;
            case byte[] b:
                if (b.Length > MaxBinaryBytes)
                {
                    throw new TableEntityValidationException($"Property '{name}' holds {b.Length} bytes; a binary property holds at most {MaxBinaryBytes} (64 KiB).");
                }

                return 4 + b.Length;
            case BinaryData data:
                return ValueSize(name, data.ToArray());
            case DateTimeOffset d:
                if (d < MinDate)
                {
                    throw new TableEntityValidationException($"Property '{name}' is before 1601-01-01, the earliest date Table storage keeps.");
                }

                return 8;
            case Guid:
                return 16;
            case bool:
                return 1;
            case int:
                return 4;
            case long or double:
                return 8;
            case DateTime { Kind: DateTimeKind.Utc } dt:
                return ValueSize(name, new DateTimeOffset(dt));
            case DateTime:
                throw new TableEntityValidationException($"Property '{name}': use DateTimeOffset or a UTC DateTime.");
            default:
                throw new TableEntityValidationException($"Property '{name}' has type {value.GetType().Name}; Table storage supports string, int, long, bool, double, DateTimeOffset, Guid and byte[].");
        }
    }

    private static void ValidateUtf16(string value, string name)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                throw new TableEntityValidationException($"'{name}' contains a broken UTF-16 surrogate pair.");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    private static partial Regex TableNamePattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PropertyNamePattern();
}

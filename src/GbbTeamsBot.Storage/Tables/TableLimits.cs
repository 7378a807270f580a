using System.Text.RegularExpressions;

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

        if (name is "PartitionKey" or "RowKey" or "Timestamp" || name.StartsWith("odata.", StringComparison.Ordinal))
        {
            throw new TableEntityValidationException($"'{name}' is a system property and cannot be set.");
        }
    }

    /// <summary>Checks keys, property count, string/binary sizes, date range and the 1 MiB entity size.</summary>
    public static void ValidateEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ValidateKey(entity.PartitionKey, "PartitionKey");
        ValidateKey(entity.RowKey, "RowKey");
        if (entity.Count > MaxCustomProperties)
        {
            throw new TableEntityValidationException($"The entity has {entity.Count} properties; at most {MaxCustomProperties} are allowed.");
        }

        long size = 4 + (entity.PartitionKey.Length + entity.RowKey.Length) * 2L;
        foreach (var (name, value) in entity)
        {
            size += 8 + name.Length * 2L + ValueSize(name, value);
        }

        if (size > MaxEntityBytes)
        {
            throw new TableEntityValidationException($"The entity is about {size} bytes; at most {MaxEntityBytes} (1 MiB) are allowed.");
        }
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
            default:
                return 8;
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

using System.Collections;
using Azure;

namespace GbbTeamsBot.Storage.Tables;

/// <summary>
/// One table row: keys, ETag, Timestamp and typed properties (string, int, long, bool, double,
/// DateTimeOffset, Guid, byte[]). Setting a property to null removes it (Table storage stores no nulls).
/// </summary>
public sealed class TableEntity : IEnumerable<KeyValuePair<string, object>>
{
    private readonly Dictionary<string, object> _properties = new(StringComparer.Ordinal);

    public TableEntity(string partitionKey, string rowKey)
    {
        PartitionKey = partitionKey ?? throw new ArgumentNullException(nameof(partitionKey));
        RowKey = rowKey ?? throw new ArgumentNullException(nameof(rowKey));
    }

    public string PartitionKey { get; }

    public string RowKey { get; }

    /// <summary>The ETag read from the service; pass it back for optimistic concurrency.</summary>
    public ETag ETag { get; set; }

    /// <summary>Server-managed last-modified time; ignored on write.</summary>
    public DateTimeOffset? Timestamp { get; set; }

    public int Count => _properties.Count;

    public object? this[string name]
    {
        get => _properties.GetValueOrDefault(name);
        set
        {
            TableLimits.ValidatePropertyName(name);
            if (value is null)
            {
                _properties.Remove(name);
                return;
            }

            _properties[name] = Normalize(name, value);
        }
    }

    public bool ContainsKey(string name) => _properties.ContainsKey(name);

    public string? GetString(string name) => this[name] as string;

    public int? GetInt32(string name) => this[name] switch
    {
        int i => i,
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        null => null,
        _ => throw WrongType(name, "Int32"),
    };

    public long? GetInt64(string name) => this[name] switch
    {
        long l => l,
        int i => i,
        null => null,
        _ => throw WrongType(name, "Int64"),
    };

    public bool? GetBoolean(string name) => this[name] switch
    {
        bool b => b,
        null => null,
        _ => throw WrongType(name, "Boolean"),
    };

    public double? GetDouble(string name) => this[name] switch
    {
        double d => d,
        int i => i,
        long l => l,
        null => null,
        _ => throw WrongType(name, "Double"),
    };

    public DateTimeOffset? GetDateTimeOffset(string name) => this[name] switch
    {
        DateTimeOffset d => d,
        null => null,
        _ => throw WrongType(name, "DateTime"),
    };

    public Guid? GetGuid(string name) => this[name] switch
    {
        Guid g => g,
        null => null,
        _ => throw WrongType(name, "Guid"),
    };

    public byte[]? GetBinary(string name) => this[name] switch
    {
        byte[] b => b,
        null => null,
        _ => throw WrongType(name, "Binary"),
    };

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _properties.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Adds a value read from the wire without re-validating the name (the service may return any name).</summary>
    internal void SetFromService(string name, object value) => _properties[name] = value;

    private static object Normalize(string name, object value) => value switch
    {
        string or int or long or bool or double or Guid or byte[] => value,
        DateTimeOffset d => d.ToUniversalTime(),
        DateTime { Kind: DateTimeKind.Utc } dt => new DateTimeOffset(dt),
        DateTime => throw new TableEntityValidationException($"Property '{name}': use DateTimeOffset or a UTC DateTime."),
        _ => throw new TableEntityValidationException($"Property '{name}' has type {value.GetType().Name}; Table storage supports string, int, long, bool, double, DateTimeOffset, Guid and byte[]."),
    };

    private static InvalidCastException WrongType(string name, string expected) =>
        new($"Property '{name}' is not of type {expected}.");
}

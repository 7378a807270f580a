using Azure.Data.Tables;
using GbbTeamsBot.Storage.Tables;

namespace GbbTeamsBot.Storage.Repositories;

/// <summary>
/// Stores a long text (e.g. a JSON snapshot) across properties Name0..NameN of one row, each at most 64 KiB,
/// with NameParts holding the count. Splits never cut a surrogate pair.
/// </summary>
internal static class LargeText
{
    public const int PartLength = TableLimits.MaxStringLength;
    public const int MaxParts = 15;

    public static int MaxLength => PartLength * MaxParts;

    public static void Write(TableEntity entity, string name, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            throw new TableEntityValidationException($"{name} is {text.Length} characters; at most {MaxLength} fit in one row.");
        }

        var part = 0;
        for (var start = 0; start < text.Length || part == 0; part++)
        {
            var length = Math.Min(PartLength, text.Length - start);
            if (length > 0 && start + length < text.Length && char.IsHighSurrogate(text[start + length - 1]))
            {
                length--;
            }

            entity[name + part.ToString(System.Globalization.CultureInfo.InvariantCulture)] = text.Substring(start, length);
            start += length;
        }

        entity[name + "Parts"] = part;
    }

    public static string? Read(TableEntity entity, string name)
    {
        var parts = entity.GetInt32(name + "Parts");
        if (parts is null)
        {
            return null;
        }

        return string.Concat(Enumerable.Range(0, parts.Value).Select(i => entity.GetString(name + i.ToString(System.Globalization.CultureInfo.InvariantCulture)) ?? string.Empty));
    }
}

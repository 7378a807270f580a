using System.Text;

namespace GbbTeamsBot.Storage.Repositories;

/// <summary>
/// The tenant and team a repository call acts for. Every team-owned row lives in the partition
/// "{tenant}|{team}" (both parts key-encoded), and repository methods accept only this value, never raw
/// filters, so a query for one team cannot reach another team's rows.
/// </summary>
public sealed record TeamScope
{
    public const int MaxIdLength = 256;

    public TeamScope(string tenantId, string teamId)
    {
        TenantId = Ids.Require(tenantId, nameof(tenantId), MaxIdLength);
        TeamId = Ids.Require(teamId, nameof(teamId), MaxIdLength);
    }

    public string TenantId { get; }

    public string TeamId { get; }

    /// <summary>The partition key of this team's rows.</summary>
    public string PartitionKey => KeyCodec.Encode(TenantId) + "|" + KeyCodec.Encode(TeamId);

    public override string ToString() => $"TeamScope({TenantId}, {TeamId})";
}

/// <summary>
/// Makes any id safe and unambiguous inside a key: letters, digits and - _ . : @ = stay as they are;
/// every other character (including the separator '|', '/', '#', '?', '~' and non-ASCII) becomes ~XX per
/// UTF-8 byte. So "a|b" as a tenant id can never collide with tenant "a", team "b".
/// </summary>
public static class KeyCodec
{
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in value.EnumerateRunes())
        {
            var c = rune.Value;
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-' or '_' or '.' or ':' or '@' or '=')
            {
                builder.Append((char)c);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                builder.Append('~').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    public static string Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '~' && i + 2 < encoded.Length)
            {
                bytes.Add(Convert.ToByte(encoded.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)encoded[i]);
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}

internal static class Ids
{
    public static string Require(string? value, string name, int maxLength = 256)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} must not be empty.", name);
        }

        if (value.Length > maxLength)
        {
            throw new ArgumentException($"{name} is longer than {maxLength} characters.", name);
        }

        return value;
    }
}

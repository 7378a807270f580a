using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace GbbTeamsBot.Storage.Tables;

/// <summary>
/// SharedKeyLite for the Table service: StringToSign = date + "\n" + "/" + account + escaped URI path
/// (+ "?comp=..." only). Path-style emulator addresses already carry the account in the path,
/// so it appears twice there, which is what Azurite expects.
/// </summary>
public static class SharedKeyLiteSigner
{
    public static string BuildCanonicalizedResource(string accountName, Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var path = uri.AbsolutePath.Length > 0 ? uri.AbsolutePath : "/";
        var resource = "/" + accountName + path;
        var comp = FindQueryValue(uri.Query, "comp");
        return comp is null ? resource : resource + "?comp=" + comp;
    }

    public static string BuildStringToSign(string date, string accountName, Uri uri) =>
        date + "\n" + BuildCanonicalizedResource(accountName, uri);

    public static string ComputeSignature(byte[] accountKey, string stringToSign)
    {
        using var hmac = new HMACSHA256(accountKey);
        return Convert.ToBase64String(hmac.ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));
    }

    public static string BuildAuthorizationHeader(string accountName, byte[] accountKey, string date, Uri uri) =>
        $"SharedKeyLite {accountName}:{ComputeSignature(accountKey, BuildStringToSign(date, accountName, uri))}";

    private static string? FindQueryValue(string query, string name)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? pair : pair[..equals];
            if (string.Equals(Uri.UnescapeDataString(key), name, StringComparison.OrdinalIgnoreCase))
            {
                return equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..]);
            }
        }

        return null;
    }
}

/// <summary>Signs every attempt (it runs per retry), so a retried request gets a fresh x-ms-date.</summary>
internal sealed class SharedKeyLitePolicy(string accountName, byte[] accountKey, TimeProvider timeProvider) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var date = timeProvider.GetUtcNow().ToString("r", System.Globalization.CultureInfo.InvariantCulture);
        message.Request.Headers.SetValue("x-ms-date", date);
        message.Request.Headers.SetValue("Authorization", SharedKeyLiteSigner.BuildAuthorizationHeader(accountName, accountKey, date, message.Request.Uri.ToUri()));
    }
}

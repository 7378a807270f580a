using System.Diagnostics;
using OpenTelemetry;

namespace GbbTeamsBot.Hosting;

/// <summary>
/// Runs before every exporter: URLs keep scheme, host and the path's plain words only (Table keys, conversation ids
/// and activity ids sit in connector and storage paths), queries are dropped, and error descriptions (exception
/// messages, which may quote a request) are removed; the status code and error.type stay.
/// </summary>
internal sealed class TelemetryRedaction : BaseProcessor<Activity>
{
    public const string Placeholder = "{id}";

    private static readonly HashSet<string> UrlTags = new(StringComparer.Ordinal) { "url.full", "http.url" };
    private static readonly HashSet<string> PathTags = new(StringComparer.Ordinal) { "url.path", "http.target" };
    private static readonly HashSet<string> DroppedTags = new(StringComparer.Ordinal) { "url.query" };

    public override void OnEnd(Activity data)
    {
        List<KeyValuePair<string, string?>>? changes = null;
        foreach (var (key, value) in data.TagObjects)
        {
            string? replacement;
            if (DroppedTags.Contains(key))
            {
                replacement = null;
            }
            else if (value is string text && UrlTags.Contains(key))
            {
                replacement = RedactUrl(text);
            }
            else if (value is string path && PathTags.Contains(key))
            {
                replacement = RedactPath(path);
            }
            else
            {
                continue;
            }

            (changes ??= []).Add(new(key, replacement));
        }

        foreach (var (key, replacement) in changes ?? [])
        {
            data.SetTag(key, replacement);
        }

        if (data.StatusDescription is not null)
        {
            data.SetStatus(data.Status);
        }
    }

    /// <summary>https://host:port/v3/conversations/19:abc@thread.v2/activities/123 becomes https://host:port/v3/conversations/{id}/activities/{id}.</summary>
    public static string RedactUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsAbsoluteUri
            ? uri.GetLeftPart(UriPartial.Authority) + RedactPath(uri.AbsolutePath)
            : Placeholder;

    public static string RedactPath(string path)
    {
        var withoutQuery = path.Split('?', 2)[0];
        var segments = withoutQuery.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Length > 0 && !IsPlainWord(segments[i]))
            {
                segments[i] = Placeholder;
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>A route word such as "v3", "conversations" or a table name; anything with digits first, separators or escapes is data.</summary>
    private static bool IsPlainWord(string segment) =>
        segment.Length <= 40 && char.IsAsciiLetter(segment[0]) && segment.All(char.IsAsciiLetterOrDigit) && segment.Count(char.IsAsciiDigit) <= 2;
}

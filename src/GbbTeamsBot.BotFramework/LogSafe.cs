namespace GbbTeamsBot.BotFramework;

/// <summary>
/// Client-supplied ids (activity ids and types, invoke names, verbs, session ids) before they reach a log: at most 64
/// characters from a small id alphabet, everything else replaced by '_', so nobody can forge log lines, hide text in
/// control characters or smuggle case content into the logs under an id's name.
/// </summary>
public static class LogSafe
{
    public const int MaxLength = 64;

    public static string Id(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "-";
        }

        var length = Math.Min(value.Length, MaxLength);
        return string.Create(length, value, static (span, source) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                var c = source[i];
                span[i] = char.IsAsciiLetterOrDigit(c) || c is ':' or '.' or '_' or '-' or '@' or ';' or '=' or '/' or '+' ? c : '_';
            }
        });
    }
}

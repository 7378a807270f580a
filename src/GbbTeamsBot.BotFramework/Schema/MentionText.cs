using System.Text.RegularExpressions;

namespace GbbTeamsBot.BotFramework.Schema;

/// <summary>Removes &lt;at&gt;…&lt;/at&gt; mentions so commands can be recognised in channels and group chats.</summary>
public static partial class MentionText
{
    public static string Strip(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var withoutMentions = AtTag().Replace(text, " ");
        return Whitespace().Replace(withoutMentions, " ").Trim();
    }

    [GeneratedRegex("<at[^>]*>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline, matchTimeoutMilliseconds: 200)]
    private static partial Regex AtTag();

    [GeneratedRegex(@"\s+", RegexOptions.None, matchTimeoutMilliseconds: 200)]
    private static partial Regex Whitespace();
}

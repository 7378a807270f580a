using System.Text;

namespace GbbTeamsBot.BotFramework.Schema;

/// <summary>
/// Removes &lt;at&gt;…&lt;/at&gt; mentions so commands can be recognised in channels and group chats. A linear scan,
/// not a regex: a message full of unclosed "&lt;at&gt;" tags made the lazy pattern quadratic and then time out.
/// </summary>
public static class MentionText
{
    public static string Strip(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = new StringBuilder(text.Length);
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("<at", position, StringComparison.OrdinalIgnoreCase);
            var openEnd = open < 0 ? -1 : text.IndexOf('>', open);
            var close = openEnd < 0 ? -1 : text.IndexOf("</at>", openEnd, StringComparison.OrdinalIgnoreCase);
            if (close < 0)
            {
                // No complete mention left: the rest is ordinary text.
                result.Append(text, position, text.Length - position);
                break;
            }

            result.Append(text, position, open - position).Append(' ');
            position = close + "</at>".Length;
        }

        return CollapseWhitespace(result);
    }

    private static string CollapseWhitespace(StringBuilder text)
    {
        var collapsed = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var chunk in text.GetChunks())
        {
            foreach (var c in chunk.Span)
            {
                if (char.IsWhiteSpace(c))
                {
                    pendingSpace = collapsed.Length > 0;
                    continue;
                }

                if (pendingSpace)
                {
                    collapsed.Append(' ');
                    pendingSpace = false;
                }

                collapsed.Append(c);
            }
        }

        return collapsed.ToString();
    }
}

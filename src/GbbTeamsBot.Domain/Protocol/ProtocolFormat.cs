using System.Globalization;
using System.Text;
using GbbTeamsBot.Domain.Common;

namespace GbbTeamsBot.Domain.Protocol;

/// <summary>Formatting shared by the renderers.</summary>
internal static class ProtocolFormat
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string Date(DateTimeOffset? date, Language language) => date is null
        ? "–"
        : language == Language.English
            ? date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.Value.ToString("dd.MM.yyyy", German);

    public static string Date(DateOnly? date, Language language) => date is null
        ? "–"
        : language == Language.English
            ? date.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.Value.ToString("dd.MM.yyyy", German);

    public static string Duration(TimeSpan span)
    {
        var seconds = (long)Math.Round(Math.Max(0, span.TotalSeconds));
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}:{seconds % 60:00}");
    }

    /// <summary>Escapes user text for Markdown (inline and table cells).</summary>
    public static string Md(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var ch in text)
        {
            switch (ch)
            {
                case '\r':
                    break;
                case '\n':
                    builder.Append(' ');
                    break;
                case '\\' or '|' or '*' or '_' or '`' or '#' or '<' or '>' or '[' or ']' or '~':
                    builder.Append('\\').Append(ch);
                    break;
                default:
                    builder.Append(ch);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Plain text for the case file: single line, no control characters.</summary>
    public static string Plain(string? text) =>
        string.IsNullOrEmpty(text) ? string.Empty : string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}

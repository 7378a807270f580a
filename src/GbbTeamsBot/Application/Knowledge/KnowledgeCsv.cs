using System.Globalization;
using System.Text;
using GbbTeamsBot.Domain.Common;
using GbbTeamsBot.Domain.Knowledge;

namespace GbbTeamsBot.Application.Knowledge;

/// <summary>
/// The CSV export for Excel and the Sozialplanung: UTF-8 with BOM and ';' as separator (what German Excel opens
/// without an import dialog), RFC 4180 quoting, dates as yyyy-MM-dd. Source sessions are ids, never case content.
/// </summary>
public static class KnowledgeCsv
{
    public const char Separator = ';';

    public static byte[] Write(IEnumerable<KnowledgeEntry> entries, Language language, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var de = language == Language.German;
        var text = new StringBuilder();
        Line(text, de
            ? ["Kategorie", "Titel", "Beschreibung", "Sozialraum/Ortsteil", "Adresse/Treffpunkt", "Schlagwörter", "Erstmals erwähnt", "Zuletzt erwähnt", "Erwähnungen", "Status", "Lange nicht erwähnt", "Quellen (Sitzungen)"]
            : ["Category", "Title", "Description", "Neighbourhood", "Address/meeting place", "Tags", "First mentioned", "Last mentioned", "Mentions", "Status", "Long not mentioned", "Sources (sessions)"]);
        foreach (var e in entries.Where(e => e.Status != KnowledgeStatus.Merged))
        {
            Line(text,
            [
                KnowledgeLabels.For(e.Category).In(language),
                e.Title,
                e.Description ?? string.Empty,
                e.Area ?? string.Empty,
                e.Place ?? string.Empty,
                string.Join(", ", e.Tags),
                e.FirstMentioned.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                e.LastMentioned.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                e.MentionCount.ToString(CultureInfo.InvariantCulture),
                KnowledgeLabels.For(e.Status).In(language),
                e.IsLongNotMentioned(now) ? (de ? "ja" : "yes") : (de ? "nein" : "no"),
                string.Join(" ", e.SourceSessionIds),
            ]);
        }

        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text.ToString())];
    }

    private static void Line(StringBuilder text, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0)
            {
                text.Append(Separator);
            }

            text.Append(Quote(fields[i]));
        }

        text.Append("\r\n");
    }

    /// <summary>Quotes fields with separators, quotes or line breaks; a leading =, +, - or @ is prefixed so Excel never runs it as a formula.</summary>
    private static string Quote(string value)
    {
        var safe = value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
        return safe.AsSpan().IndexOfAny([Separator, '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}

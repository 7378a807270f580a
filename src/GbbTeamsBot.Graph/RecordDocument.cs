using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GbbTeamsBot.Graph;

/// <summary>
/// The Word document of a record: a title, then the record's text line by line; lines the caller marks as headings
/// (the seven parts) get the built-in "Heading1" style, so Word's navigation shows them.
/// </summary>
public static class RecordDocument
{
    public static byte[] Create(string title, IEnumerable<(string Text, bool IsHeading)> lines)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(lines);
        using var memory = new MemoryStream();
        using (var document = WordprocessingDocument.Create(memory, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            var body = new Body();
            body.Append(Paragraph(title, "Title"));
            foreach (var (text, isHeading) in lines)
            {
                body.Append(Paragraph(text, isHeading ? "Heading1" : null));
            }

            main.Document = new Document(body);
            main.Document.Save();
        }

        return memory.ToArray();
    }

    private static Paragraph Paragraph(string text, string? styleId)
    {
        var paragraph = new Paragraph();
        if (styleId is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = styleId }));
        }

        paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = new Styles(
            Style("Title", "Title", 36),
            Style("Heading1", "heading 1", 28));
        styles.Styles.Save();
    }

    private static Style Style(string id, string name, int halfPoints) =>
        new(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new PrimaryStyle(),
            new StyleRunProperties(new Bold(), new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        {
            Type = StyleValues.Paragraph,
            StyleId = id,
        };
}

using CsvHelper;

namespace GbbTeamsBot.Tests.Knowledge;

/// <summary>Reads the CSV export with an independent parser (CsvHelper), as Excel would: BOM honoured, ';' separated, RFC 4180 quoting.</summary>
public static class KnowledgeCsvReader
{
    public static IReadOnlyList<IReadOnlyList<string>> Parse(byte[] csv)
    {
        var rows = new List<IReadOnlyList<string>>();
        using var reader = CsvReader.Create(csv, new CsvReaderOptions { Separator = ';', HasHeader = false });
        while (reader.Read())
        {
            var row = new List<string>();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row.Add(reader.GetString(i));
            }

            rows.Add(row);
        }

        return rows;
    }
}

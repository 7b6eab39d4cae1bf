using System.Text;
using AccessGrid.Cli.Infrastructure;

namespace AccessGrid.Cli.Import;

/// <summary>Reads the import CSV: a header naming the columns (`id`, `name` required; `photos`, `doors`, `zones`
/// optional, any order; lists inside a cell separated by `;`), RFC 4180 quoting. A row it cannot use becomes a reject;
/// the rest are imported. Id syntax is not checked here: the staff grain owns that rule and the API answers invalid_id.</summary>
public static class StaffCsv
{
    public static (IReadOnlyList<StaffRow> Rows, IReadOnlyList<ImportReject> Rejects) Parse(string text)
    {
        var records = Records(text);
        if (records.Count == 0) throw new CliException("the CSV is empty: expected a header line with id,name[,photos,doors,zones]");
        var header = records[0].Fields.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        int Column(string name) => Array.IndexOf(header, name);
        var (id, name, photos, doors, zones) = (Column("id"), Column("name"), Column("photos"), Column("doors"), Column("zones"));
        if (id < 0 || name < 0) throw new CliException($"the CSV header must name the columns id and name (found: {string.Join(',', header)})");

        var rows = new List<StaffRow>();
        var rejects = new List<ImportReject>();
        foreach (var (line, fields) in records.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace)) continue;
            string Cell(int column) => column >= 0 && column < fields.Count ? fields[column].Trim() : "";
            string[] List(int column) => Cell(column).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (fields.Count > header.Length)
                rejects.Add(new ImportReject(line, Cell(id), null, "malformed_row", $"{fields.Count} fields, the header has {header.Length}"));
            else if (Cell(id).Length == 0)
                rejects.Add(new ImportReject(line, "", null, "missing_id", "the row has no id"));
            else if (Cell(name).Length == 0)
                rejects.Add(new ImportReject(line, Cell(id), null, "missing_name", "the row has no name"));
            else
                rows.Add(new StaffRow(line, Cell(id), Cell(name), List(photos), List(doors), List(zones)));
        }
        return (rows, rejects);
    }

    /// <summary>Fields of every record with the line it starts on; quoted fields may hold commas, quotes ("") and newlines.</summary>
    private static List<(int Line, List<string> Fields)> Records(string text)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var (line, start, quoted) = (1, 1, false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                fields.Add(field.ToString());
                field.Clear();
                records.Add((start, fields));
                fields = [];
                start = ++line;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add((start, fields));
        }
        return records;
    }
}

namespace AccessGrid.Cli.Import;

/// <summary>Writes the rejects CSV: line,id,photo,reason,message (RFC 4180 quoting).</summary>
public static class RejectsCsv
{
    public static void Write(string path, IEnumerable<ImportReject> rejects)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("line,id,photo,reason,message");
        foreach (var r in rejects)
            writer.WriteLine(string.Join(',', r.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), Quote(r.Id), Quote(r.Photo ?? ""), Quote(r.Reason), Quote(r.Message)));
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
}

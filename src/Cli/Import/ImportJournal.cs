namespace AccessGrid.Cli.Import;

/// <summary>What an import has finished, one `id TAB photo` line per photo the server answered (enrolled or rejected),
/// so that a re-run skips it instead of enrolling the same photo twice. Flushed per photo: an interrupted import loses
/// at most the photo in flight.</summary>
public sealed class ImportJournal : IDisposable
{
    private readonly HashSet<string> _done;
    private readonly StreamWriter _writer;

    public ImportJournal(string path)
    {
        _done = File.Exists(path) ? File.ReadLines(path).ToHashSet(StringComparer.Ordinal) : [];
        _writer = new StreamWriter(path, append: true) { AutoFlush = true };
    }

    public bool IsDone(string staffId, string photo) => _done.Contains(Key(staffId, photo));

    public void MarkDone(string staffId, string photo)
    {
        if (_done.Add(Key(staffId, photo))) _writer.WriteLine(Key(staffId, photo));
    }

    public void Dispose() => _writer.Dispose();

    private static string Key(string staffId, string photo) => $"{staffId}\t{photo}";
}

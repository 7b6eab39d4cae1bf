namespace AccessGrid.Cli.Import;

/// <summary>What an import has finished: one `id TAB photo TAB reason TAB message` line per photo the server answered
/// (reason empty when enrolled), so that a re-run skips the photo instead of enrolling it twice and still lists its
/// refusal. Flushed per photo: an interrupted import loses at most the photos in flight.</summary>
public sealed class ImportJournal : IDisposable
{
    private readonly Dictionary<string, (string Reason, string Message)> _done = new(StringComparer.Ordinal);
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();

    public ImportJournal(string path)
    {
        if (File.Exists(path))
            foreach (var fields in File.ReadLines(path).Select(l => l.Split('\t')).Where(f => f.Length == 4))
                _done[Key(fields[0], fields[1])] = (fields[2], fields[3]);
        _writer = new StreamWriter(path, append: true) { AutoFlush = true };
    }

    /// <summary>Whether the photo was answered before, and the refusal then (reason null when it was enrolled).</summary>
    public bool TryGet(string staffId, string photo, out string? reason, out string message)
    {
        lock (_gate)
        {
            var found = _done.TryGetValue(Key(staffId, photo), out var outcome);
            (reason, message) = (found && outcome.Reason.Length > 0 ? outcome.Reason : null, outcome.Message ?? "");
            return found;
        }
    }

    public void Record(string staffId, string photo, string? reason, string message)
    {
        var clean = message.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
        lock (_gate)
        {
            _done[Key(staffId, photo)] = (reason ?? "", clean);
            _writer.WriteLine($"{staffId}\t{photo}\t{reason}\t{clean}");
        }
    }

    public void Dispose() => _writer.Dispose();

    private static string Key(string staffId, string photo) => $"{staffId}\t{photo}";
}

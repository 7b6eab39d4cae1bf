namespace AccessGrid.Cli.Evaluation;

/// <summary>
/// An LFW pairs file. The header is "N" (View 1: one set of N same-person then N different-person pairs) or
/// "F N" (View 2: F folds of N same + N different). Lines are "name n1 n2" (same person) or
/// "name1 n1 name2 n2" (different people), tab or space separated.
/// </summary>
public sealed record PairsFile(int FoldCount, int PairsPerClass, IReadOnlyList<ImagePair> Pairs)
{
    public static PairsFile Load(string path)
    {
        if (!File.Exists(path)) throw new PairsFileException($"pairs file not found: {path}");
        return Parse(File.ReadLines(path), Path.GetFileName(path));
    }

    public static PairsFile Parse(IEnumerable<string> lines, string source = "pairs file")
    {
        using var reader = lines.GetEnumerator();
        var lineNumber = 0;
        string[]? header = null;
        while (header is null && reader.MoveNext())
        {
            lineNumber++;
            var fields = Split(reader.Current);
            if (fields.Length > 0) header = fields;
        }
        if (header is null) throw new PairsFileException($"{source}: empty file");

        var (folds, perClass) = header switch
        {
            [var n] => (1, Count(n, source, lineNumber, "pair count")),
            [var f, var n] => (Count(f, source, lineNumber, "fold count"), Count(n, source, lineNumber, "pair count")),
            _ => throw new PairsFileException($"{source}:{lineNumber}: header must be \"N\" or \"FOLDS N\", got \"{string.Join(' ', header)}\""),
        };

        var pairs = new List<ImagePair>(folds * perClass * 2);
        var expected = folds * perClass * 2;
        while (reader.MoveNext())
        {
            lineNumber++;
            var fields = Split(reader.Current);
            if (fields.Length == 0) continue;
            if (pairs.Count == expected)
                throw new PairsFileException($"{source}:{lineNumber}: more pairs than the header's {expected}");
            var fold = pairs.Count / (perClass * 2);
            pairs.Add(fields switch
            {
                [var name, var a, var b] => new ImagePair(
                    Image(name, a, source, lineNumber), Image(name, b, source, lineNumber), true, fold),
                [var nameA, var a, var nameB, var b] => new ImagePair(
                    Image(nameA, a, source, lineNumber), Image(nameB, b, source, lineNumber), false, fold),
                _ => throw new PairsFileException(
                    $"{source}:{lineNumber}: expected \"name n1 n2\" or \"name1 n1 name2 n2\", got {fields.Length} fields"),
            });
        }
        if (pairs.Count != expected)
            throw new PairsFileException($"{source}: header promises {expected} pairs, found {pairs.Count}");

        // Folds are positional, so a fold with the wrong mix means the file was cut or shuffled.
        for (var fold = 0; fold < folds; fold++)
        {
            var same = pairs.Count(p => p.Fold == fold && p.Same);
            if (same != perClass)
                throw new PairsFileException(
                    $"{source}: fold {fold + 1} has {same} same-person and {perClass * 2 - same} different-person pairs, expected {perClass} of each");
        }
        return new PairsFile(folds, perClass, pairs);
    }

    /// <summary>Every image the pairs mention, once, in first-mention order.</summary>
    public IReadOnlyList<LfwImage> DistinctImages() =>
        Pairs.SelectMany(p => new[] { p.A, p.B }).Distinct().ToList();

    private static string[] Split(string line) =>
        line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int Count(string text, string source, int line, string what) =>
        int.TryParse(text, out var n) && n > 0
            ? n
            : throw new PairsFileException($"{source}:{line}: {what} must be a positive integer, got \"{text}\"");

    private static LfwImage Image(string name, string number, string source, int line)
    {
        // Names become folder names: refuse anything that could step outside the image folder.
        if (name.Contains('/') || name.Contains('\\') || name is "." or "..")
            throw new PairsFileException($"{source}:{line}: \"{name}\" is not a valid person name");
        if (!int.TryParse(number, out var n) || n < 1 || n > 9999)
            throw new PairsFileException($"{source}:{line}: image number must be 1..9999, got \"{number}\"");
        return new LfwImage(name, n);
    }
}

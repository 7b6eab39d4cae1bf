namespace AccessGrid.Benchmarks.Pipeline;

/// <summary>Image lists from ../shared/datasets/lfw-dev: every image, or the first N that the dev-test pairs name
/// (the same list the face-api peer reads from bench/peers/lfw-50.txt).</summary>
public static class LfwImages
{
    public static string Folder =>
        Path.Combine(BenchPaths.Shared ?? throw new DirectoryNotFoundException("../shared beside the repository is required (lfw-dev)."),
            "datasets", "lfw-dev");

    public static IReadOnlyList<(string Person, string Path)> All() =>
        Directory.EnumerateFiles(Path.Combine(Folder, "images"), "*.jpg", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(Path.GetDirectoryName(p)!), p))
            .ToList();

    /// <summary>Paths relative to lfw-dev, one per line, as listed in <paramref name="listFile"/>.</summary>
    public static IReadOnlyList<string> FromList(string listFile) =>
        File.ReadAllLines(listFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => Path.Combine(Folder, l)).ToList();
}

using AccessGrid.Vision;

namespace AccessGrid.Cli.Identification;

/// <summary>Enrolled encodings of several people, several images each, searched exhaustively.</summary>
public sealed class Gallery(IReadOnlyList<GalleryEntry> entries)
{
    public static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".webp", ".bmp", ".gif"];

    public IReadOnlyList<GalleryEntry> Entries { get; } = entries;

    public int PersonCount => Entries.Select(e => e.Person).Distinct().Count();

    /// <summary>Every person ranked by the distance of their nearest image to <paramref name="probe"/>, nearest first.</summary>
    /// <remarks>The nearest image rather than an average: a person enrolled with a frontal and a profile picture should
    /// match a frontal probe as well as if only the frontal one had been enrolled.</remarks>
    public IReadOnlyList<Candidate> Rank(ReadOnlySpan<float> probe)
    {
        var best = new Dictionary<string, Candidate>();
        foreach (var entry in Entries)
        {
            var distance = FaceDistance.Euclidean(probe, entry.Embedding);
            if (!best.TryGetValue(entry.Person, out var current) || distance < current.Distance)
                best[entry.Person] = new Candidate(entry.Person, distance, entry.ImagePath);
        }
        return best.Values.OrderBy(c => c.Distance).ThenBy(c => c.Person, StringComparer.Ordinal).ToArray();
    }

    /// <summary>The images of a gallery folder: one sub-folder per person, named after them.</summary>
    public static IReadOnlyList<(string Person, string Path)> ListImages(string folder) =>
        Directory.EnumerateDirectories(folder)
            .OrderBy(d => d, StringComparer.Ordinal)
            .SelectMany(person => Directory.EnumerateFiles(person)
                .Where(f => ImageExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
                .Order(StringComparer.Ordinal)
                .Select(f => (Path.GetFileName(person), f)))
            .ToArray();
}

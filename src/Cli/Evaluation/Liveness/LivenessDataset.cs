using AccessGrid.Cli.Infrastructure;

namespace AccessGrid.Cli.Evaluation.Liveness;

/// <summary>The frames under a live and a spoof folder (searched recursively, .jpg/.jpeg/.png/.webp).</summary>
public static class LivenessDataset
{
    private static readonly string[] Extensions = [".jpg", ".jpeg", ".png", ".webp"];

    public static IReadOnlyList<LivenessSample> Load(string liveDirectory, string spoofDirectory, string liveOption, string spoofOption) =>
        [.. Scan(liveDirectory, live: true, liveOption), .. Scan(spoofDirectory, live: false, spoofOption)];

    private static IEnumerable<LivenessSample> Scan(string directory, bool live, string option)
    {
        if (File.Exists(directory)) throw new CliException($"{option} {directory} is a file; give the folder that holds the frames");
        if (!Directory.Exists(directory)) throw new CliException($"{option} {directory}: folder not found");
        var files = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0) throw new CliException($"{option} {directory} holds no .jpg, .jpeg, .png or .webp files");
        return files.Select(f => LivenessSample.FromPath(f, live));
    }

    /// <summary>The subject-disjoint split used when no calibration folders are given: subjects sorted by id,
    /// every other one (1st, 3rd, …) calibrates, the rest are reported on — never a person on both sides.</summary>
    public static (IReadOnlyList<LivenessSample> Calibration, IReadOnlyList<LivenessSample> Test) SplitBySubject(IReadOnlyList<LivenessSample> samples)
    {
        var subjects = samples.Select(s => s.Subject).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (subjects.Length < 2)
            throw new CliException($"a subject split needs at least 2 subjects, found {subjects.Length}; give --calibrate-live and --calibrate-spoof");
        var calibration = subjects.Where((_, i) => i % 2 == 0).ToHashSet();
        var split = (samples.Where(s => calibration.Contains(s.Subject)).ToArray(), samples.Where(s => !calibration.Contains(s.Subject)).ToArray());
        foreach (var (part, name) in new[] { (split.Item1, "calibration"), (split.Item2, "test") })
            if (!part.Any(s => s.Live) || part.All(s => s.Live))
                throw new CliException($"the subject split left the {name} half without live or without spoof frames; give --calibrate-live and --calibrate-spoof");
        return split;
    }
}

using System.Text.Json;
using AccessGrid.Cli.Identification;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Vision;
using Spectre.Console;

namespace AccessGrid.Cli.Evaluation.OpenSet;

/// <summary>Encodes an LFW-layout folder into <see cref="PersonPhotos"/>, optionally through a cache file so that
/// protocol variants (levers that do not change the pipeline) re-run in seconds.</summary>
public static class OpenSetEncodings
{
    /// <summary>The cache: relative image path → encoding and quality (null: no face), and the pipeline variant that produced it.</summary>
    private sealed record CacheFile(string Variant, Dictionary<string, float[]?> Encodings, Dictionary<string, FaceQuality?>? Qualities);

    public static (IReadOnlyList<PersonPhotos> People, double MsPerImage) Load(string folder, FacePipeline? pipeline, string variant,
        string? cachePath, IAnsiConsole status, int batchSize, int parallelism, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder)) throw new CliException($"image folder not found: {folder}");
        var images = Gallery.ListImages(folder);
        if (images.Count == 0) throw new CliException($"no images in {folder} (expected DIR/Person/photo.jpg)");
        var relative = images.Select(i => Path.GetRelativePath(folder, i.Path)).ToArray();

        var cache = ReadCache(cachePath, variant);
        double msPerImage = 0;
        if (cache is null || relative.Any(r => !cache.Encodings.ContainsKey(r) || !cache.Qualities!.ContainsKey(r)))
        {
            if (pipeline is null) throw new CliException("the encodings cache does not cover this folder and no pipeline was loaded");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var analyses = ProgressBar.Run(status, $"Encoding {images.Count} images", images.Count,
                progress => ImageBatchAnalyzer.Analyze(pipeline, images.Select(i => i.Path).ToArray(), progress, batchSize, parallelism, cancellationToken));
            msPerImage = clock.Elapsed.TotalMilliseconds / images.Count;
            cache = new CacheFile(variant,
                relative.Zip(analyses).ToDictionary(p => p.First, p => p.Second.Primary?.Embedding, StringComparer.Ordinal),
                relative.Zip(analyses).ToDictionary(p => p.First, p => p.Second.Primary?.Quality, StringComparer.Ordinal));
            if (cachePath is not null) File.WriteAllText(cachePath, JsonSerializer.Serialize(cache));
        }

        var people = images.Select((image, i) => (image.Person, Encoding: cache.Encodings[relative[i]], Quality: cache.Qualities![relative[i]]))
            .GroupBy(p => p.Person, StringComparer.Ordinal)
            .Select(g => new PersonPhotos(g.Key, g.Select(p => p.Encoding).ToArray(), g.Select(p => p.Quality).ToArray()))
            .ToArray();
        return (people, msPerImage);
    }

    /// <summary>True when the cache file exists and was written by this pipeline variant (then no model is needed).</summary>
    public static bool CacheUsable(string? cachePath, string variant) => ReadCache(cachePath, variant) is not null;

    private static CacheFile? ReadCache(string? path, string variant)
    {
        if (path is null || !File.Exists(path)) return null;
        try
        {
            var file = JsonSerializer.Deserialize<CacheFile>(File.ReadAllText(path));
            return file is { Qualities: not null } && file.Variant == variant ? file : null;
        }
        catch (JsonException e)
        {
            throw new CliException($"the encodings cache {path} is not readable ({e.Message}); delete it to re-encode");
        }
    }
}

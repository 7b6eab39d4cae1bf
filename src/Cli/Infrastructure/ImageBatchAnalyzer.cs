using AccessGrid.Vision;

namespace AccessGrid.Cli.Infrastructure;

/// <summary>Analyses many image files: batches go through <see cref="FacePipeline.AnalyzeMany"/> (which batches the
/// encoder across images) and batches run in parallel, one per core.</summary>
public static class ImageBatchAnalyzer
{
    public const int DefaultBatchSize = 16;

    /// <summary>One analysis per path, in the order given.</summary>
    public static FaceAnalysis[] Analyze(
        FacePipeline pipeline, IReadOnlyList<string> paths, Action<int> progress,
        int batchSize = DefaultBatchSize, int? parallelism = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var results = new FaceAnalysis[paths.Count];
        var batches = Enumerable.Range(0, (paths.Count + batchSize - 1) / batchSize).ToArray();
        var options = new ParallelOptions
        {
            MaxDegreeOfParallelism = parallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        Parallel.ForEach(batches, options, batch =>
        {
            var start = batch * batchSize;
            var count = Math.Min(batchSize, paths.Count - start);
            var images = new byte[count][];
            for (var i = 0; i < count; i++) images[i] = ImageFiles.Read(paths[start + i]);
            var analyses = pipeline.AnalyzeMany(images);
            for (var i = 0; i < count; i++) results[start + i] = analyses[i];
            progress(count);
        });
        return results;
    }
}

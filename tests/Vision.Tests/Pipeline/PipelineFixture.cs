using AccessGrid.TestSupport;

namespace AccessGrid.Vision.Tests.Pipeline;

/// <summary>One <see cref="FacePipeline"/> for every pipeline test (loading three ONNX sessions takes a while).
/// The models and the demo photos come from `./accessgrid models install`, which the test command runs first.</summary>
public sealed class PipelineFixture : IDisposable
{
    private readonly Dictionary<int, FaceAnalysis> _samples = [];

    public PipelineFixture()
    {
        if (!ModelStore.IsInstalled(RepoPaths.ModelsDirectory))
            throw new InvalidOperationException($"Models are not installed in {RepoPaths.ModelsDirectory}: run './accessgrid models install'.");
        Pipeline = FacePipeline.Load(RepoPaths.ModelsDirectory);
    }

    public FacePipeline Pipeline { get; }

    public static byte[] SampleBytes(int n)
    {
        var path = RepoPaths.SampleImage(n);
        if (!File.Exists(path))
            throw new InvalidOperationException($"{path} is missing: run './accessgrid models install' (it unpacks the face-api package).");
        return File.ReadAllBytes(path);
    }

    /// <summary>The analysis of demo sample <paramref name="n"/>, computed once.</summary>
    public FaceAnalysis Sample(int n)
    {
        lock (_samples)
        {
            if (!_samples.TryGetValue(n, out var analysis))
                _samples[n] = analysis = Pipeline.Analyze(SampleBytes(n));
            return analysis;
        }
    }

    public void Dispose() => Pipeline.Dispose();
}

[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PipelineFixture>
{
    public const string Name = "Face pipeline";
}

using AccessGrid.TestSupport;
using AccessGrid.Vision.Liveness;

namespace AccessGrid.Vision.Tests.Liveness;

/// <summary>The installed liveness model, loaded once (`accessgrid models install` runs before the tests).</summary>
public sealed class MiniFasNetFixture : IDisposable
{
    public MiniFasNetScorer Scorer { get; } = File.Exists(Path.Combine(RepoPaths.ModelsDirectory, ModelStore.LivenessFile))
        ? MiniFasNetScorer.Load(RepoPaths.ModelsDirectory)
        : throw new InvalidOperationException($"{ModelStore.LivenessFile} is not installed in {RepoPaths.ModelsDirectory}: run './accessgrid models install'.");

    public void Dispose() => Scorer.Dispose();
}

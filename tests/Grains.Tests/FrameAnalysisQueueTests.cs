using AccessGrid.TestSupport;
using AccessGrid.Vision;
using AccessGrid.Vision.Liveness;
using Microsoft.Extensions.Logging.Abstractions;

namespace AccessGrid.Grains.Tests;

public sealed class FrameAnalysisQueueTests
{
    [RealFacesFact]
    public async Task Liveness_is_measured_only_when_the_door_asks_for_it()
    {
        await using var queue = new FrameAnalysisQueue(() => FacePipeline.Load(RepoPaths.ModelsDirectory), NullLogger<FrameAnalysisQueue>.Instance,
            workers: 1, loadScorer: () => MiniFasNetScorer.Load(RepoPaths.ModelsDirectory));
        var image = await File.ReadAllBytesAsync(RepoPaths.SampleImage(1));

        var measured = await queue.AnalyzeBurst([image], measureLiveness: true);
        var skipped = await queue.AnalyzeBurst([image], measureLiveness: false);

        Assert.NotEqual(LivenessOutcome.NotChecked, measured.Liveness.Verdict);
        Assert.Equal(LivenessSummary.NotChecked, skipped.Liveness);
        // The faces and the tracked one are the same either way: only the liveness stage is left out.
        Assert.Equal(measured.Track, skipped.Track);
        Assert.Equal(measured.Frames[0].Faces.Select(f => f.Embedding), skipped.Frames[0].Faces.Select(f => f.Embedding));
    }
}

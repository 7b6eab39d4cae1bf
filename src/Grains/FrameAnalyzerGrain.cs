using Orleans.Concurrency;

namespace AccessGrid.Grains;

/// <summary>The vision pipeline as a local, stateless grain: the silo that receives an image analyses it. Reentrant so
/// that concurrent frames all reach the <see cref="FrameAnalysisQueue"/> at once and get batched there.</summary>
[StatelessWorker, Reentrant]
public sealed class FrameAnalyzerGrain(FrameAnalysisQueue queue) : Grain, IFrameAnalyzerGrain
{
    public async ValueTask<AnalysedFrame> Analyze(byte[] image, bool faceJpeg = false) => await queue.Analyze(image ?? [], faceJpeg);

    public async ValueTask<AnalysedBurst> AnalyzeBurst(byte[][] frames, bool measureLiveness, bool faceJpeg = false) =>
        await queue.AnalyzeBurst(frames ?? [], measureLiveness, faceJpeg);
}

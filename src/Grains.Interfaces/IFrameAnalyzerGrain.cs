namespace AccessGrid.Grains;

/// <summary>Runs the vision pipeline on the silo that received the image (stateless worker, always local), so only
/// the analysed frame — encodings and quality, a few hundred bytes per face — travels on. Concurrent frames are
/// batched into one recognition run.</summary>
[Alias("AccessGrid.IFrameAnalyzerGrain")]
public interface IFrameAnalyzerGrain : IGrainWithIntegerKey
{
    /// <summary>Decodes, detects, aligns and encodes every face in the image. Bad images come back as a problem, never an exception.</summary>
    ValueTask<AnalysedFrame> Analyze(byte[] image);

    /// <summary>Analyses every frame of a burst (capture order), tracks the primary person through it and, when
    /// <paramref name="measureLiveness"/>, measures their liveness (passive score per frame, blink over the burst; else
    /// the burst's liveness is not_checked). Throws mixed_frame_sizes (Invalid) when the decoded frames differ in size.</summary>
    ValueTask<AnalysedBurst> AnalyzeBurst(byte[][] frames, bool measureLiveness);
}

namespace AccessGrid.Grains;

/// <summary>Runs the vision pipeline on the silo that received the image (stateless worker, always local), so only
/// the analysed frame — encodings and quality, a few hundred bytes per face — travels on. Concurrent frames are
/// batched into one recognition run.</summary>
[Alias("AccessGrid.IFrameAnalyzerGrain")]
public interface IFrameAnalyzerGrain : IGrainWithIntegerKey
{
    /// <summary>Decodes, detects, aligns and encodes every face in the image. Bad images come back as a problem, never
    /// an exception. With <paramref name="faceJpeg"/> the frame also carries a small JPEG of its primary face (an
    /// enrollment thumbnail); without it, no pixels.</summary>
    ValueTask<AnalysedFrame> Analyze(byte[] image, bool faceJpeg = false);

    /// <summary>Analyses every frame of a burst (capture order), tracks the primary person through it and, when
    /// <paramref name="measureLiveness"/>, measures their liveness (passive score per frame, blink over the burst; else
    /// the burst's liveness is not_checked). With <paramref name="faceJpeg"/> (a door that keeps decision snapshots) the
    /// burst also carries a small JPEG of the tracked face in its best frame. Throws mixed_frame_sizes (Invalid) when
    /// the decoded frames differ in size.</summary>
    ValueTask<AnalysedBurst> AnalyzeBurst(byte[][] frames, bool measureLiveness, bool faceJpeg = false);
}

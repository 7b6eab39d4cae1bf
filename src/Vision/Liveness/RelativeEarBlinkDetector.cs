namespace AccessGrid.Vision.Liveness;

/// <summary>A blink is 1..<see cref="LivenessOptions.MaxBlinkFrames"/> consecutive frames whose eye opening
/// (<see cref="LivenessOptions.BlinkMeasure"/>; the eye-aspect ratio by default) is
/// below <see cref="LivenessOptions.BlinkClosedRatio"/> × the burst's median, with an open frame (≥
/// <see cref="LivenessOptions.BlinkOpenRatio"/> × median) before and after. Relative to the burst's own median so
/// it works for narrow and wide eyes alike; the face-api landmarks compress the dip, hence a ratio near 0.85
/// rather than the 0.75 other landmarkers allow (shared/notes/liveness.md). Frames without landmarks are skipped.</summary>
public sealed class RelativeEarBlinkDetector(LivenessOptions options) : IBlinkDetector
{
    public BlinkResult Detect(IReadOnlyList<PointF[]?> landmarks)
    {
        ArgumentNullException.ThrowIfNull(landmarks);
        var ears = landmarks.Where(l => l is not null).Select(l => EyeOpenness.Of(l!, options.BlinkMeasure)).ToArray();
        return Detect(ears);
    }

    /// <summary>The same rule on eye openings already measured, one per frame with a face.</summary>
    public BlinkResult Detect(IReadOnlyList<float> ears)
    {
        if (ears.Count == 0) return new BlinkResult(false, 1, 0);
        float median = Median.Of(ears);
        if (median <= 0) return new BlinkResult(false, 1, ears.Count);
        var ratios = ears.Select(e => e / median).ToArray();
        float lowest = ratios.Min();
        if (ears.Count < options.MinBlinkBurstFrames) return new BlinkResult(false, lowest, ears.Count);

        for (int i = 1; i < ratios.Length; i++)
        {
            if (ratios[i] >= options.BlinkClosedRatio || ratios[i - 1] < options.BlinkOpenRatio) continue;
            int end = i;
            while (end < ratios.Length && ratios[end] < options.BlinkOpenRatio) end++;
            // Frames i..end-1 are not open; at least one is closed (ratios[i]); the run must be short and end open.
            if (end < ratios.Length && end - i <= options.MaxBlinkFrames) return new BlinkResult(true, lowest, ears.Count);
            i = end;
        }
        return new BlinkResult(false, lowest, ears.Count);
    }
}

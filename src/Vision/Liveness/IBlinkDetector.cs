namespace AccessGrid.Vision.Liveness;

/// <summary>Finds a blink in a burst of one person's landmarks.</summary>
public interface IBlinkDetector
{
    /// <param name="landmarks">68 landmarks per frame in capture order; null where the tracked face was not found.</param>
    BlinkResult Detect(IReadOnlyList<PointF[]?> landmarks);
}

/// <param name="Blinked">A run of closed frames with open frames on both sides was found.</param>
/// <param name="LowestRatio">The lowest eye opening over the burst median (1 when nothing was measured): how
/// deep the deepest dip went, for calibration and diagnostics.</param>
/// <param name="FramesMeasured">Frames with landmarks.</param>
public sealed record BlinkResult(bool Blinked, float LowestRatio, int FramesMeasured);

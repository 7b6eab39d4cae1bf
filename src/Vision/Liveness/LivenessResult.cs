namespace AccessGrid.Vision.Liveness;

/// <summary>The liveness decision over one burst for the tracked face.</summary>
/// <param name="Score">Median live score over the decidable frames; null when none was decidable.</param>
/// <param name="Blink">A blink was found in the tracked face's landmarks.</param>
/// <param name="FramesUsed">Frames whose passive score went into <see cref="Score"/>.</param>
/// <param name="UndecidableFrames">Tracked frames whose context was mostly outside the frame.</param>
/// <param name="Reason">One sentence for logs and audits: why this verdict.</param>
public sealed record LivenessResult(
    LivenessVerdict Verdict, float? Score, bool Blink, int FramesUsed, int UndecidableFrames, string Reason);

namespace AccessGrid.Vision.Liveness;

/// <summary>What a burst (or a single frame) proves about liveness.</summary>
public enum LivenessVerdict
{
    /// <summary>The aggregated live score passed and, when a blink was required, a blink was found.</summary>
    Live,
    /// <summary>The aggregated live score is below the threshold: a presentation attack is suspected.</summary>
    Spoof,
    /// <summary>Not enough evidence either way: no tracked face, too few frames with enough context, or a required
    /// blink was not found. Never treated as live.</summary>
    Undecidable,
}

namespace AccessGrid.Grains;

/// <summary>Liveness evidence of one burst, as measured at the edge and as reported in a decision (JSON
/// <c>liveness</c>: verdict, score, blink, frames).</summary>
/// <param name="Verdict">Measured at the edge: the passive verdict (no blink required). In a decision: the verdict
/// under the door's policy.</param>
/// <param name="Score">Median live score of the tracked face over its decidable frames (0..1); null when none.</param>
/// <param name="Blink">A blink was found in the tracked face's landmarks.</param>
/// <param name="Frames">Frames whose passive score went into <paramref name="Score"/>.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.LivenessSummary")]
public sealed record LivenessSummary(
    [property: Id(0)] LivenessOutcome Verdict,
    [property: Id(1)] float? Score,
    [property: Id(2)] bool Blink,
    [property: Id(3)] int Frames)
{
    public static LivenessSummary NotChecked { get; } = new(LivenessOutcome.NotChecked, null, false, 0);
}

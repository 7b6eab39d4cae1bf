namespace AccessGrid.Vision.Liveness;

/// <summary>The liveness verdict of a burst and the track it was made on.</summary>
/// <param name="Track">Per frame, the tracked person's face (null where absent): identity fusion should use the
/// same faces, so that liveness and identity are evidence about one person.</param>
public sealed record BurstLiveness(LivenessResult Result, IReadOnlyList<Face?> Track, IReadOnlyList<PassiveScore?> Scores);

namespace AccessGrid.Vision.Liveness;

/// <summary>One frame's evidence for the tracked face; both null when the face was not in this frame.</summary>
public sealed record LivenessFrame(PassiveScore? Passive, PointF[]? Landmarks)
{
    public static LivenessFrame Missing { get; } = new(null, null);
}

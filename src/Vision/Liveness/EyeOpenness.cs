namespace AccessGrid.Vision.Liveness;

/// <summary>Eye opening from the 68 iBUG landmarks, averaged over both eyes, by <see cref="BlinkMeasure"/>. Its
/// absolute value varies by person and pose, so the blink detector only compares it with the same burst's median.</summary>
public static class EyeOpenness
{
    public static float Of(IReadOnlyList<PointF> landmarks, BlinkMeasure measure)
    {
        if (landmarks.Count != 68) throw new ArgumentException($"Expected 68 landmarks, got {landmarks.Count}.", nameof(landmarks));
        float gap = (LidGap(landmarks, 36) + LidGap(landmarks, 42)) / 2;
        float scale = measure switch
        {
            BlinkMeasure.EyeAspectRatio => (Distance(landmarks[36], landmarks[39]) + Distance(landmarks[42], landmarks[45])) / 2,
            BlinkMeasure.LidGapOverNose => Distance(landmarks[27], landmarks[33]),
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, null),
        };
        return scale > 0 ? gap / scale : 0;
    }

    // Points p1..p6 of one eye start at `first`: corners p1, p4; upper lid p2, p3; lower lid p6, p5.
    private static float LidGap(IReadOnlyList<PointF> p, int first) =>
        (Distance(p[first + 1], p[first + 5]) + Distance(p[first + 2], p[first + 4])) / 2;

    private static float Distance(PointF a, PointF b) => MathF.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}

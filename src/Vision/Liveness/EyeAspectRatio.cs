namespace AccessGrid.Vision.Liveness;

/// <summary>Soukupová &amp; Čech's eye-aspect ratio on the 68 iBUG landmarks: eyelid gaps over eye width,
/// averaged over both eyes. Falls as the eyes close; its absolute value varies by person, so the blink detector
/// only compares it with the same burst's median.</summary>
public static class EyeAspectRatio
{
    public static float Of(IReadOnlyList<PointF> landmarks)
    {
        if (landmarks.Count != 68) throw new ArgumentException($"Expected 68 landmarks, got {landmarks.Count}.", nameof(landmarks));
        return (Eye(landmarks, 36) + Eye(landmarks, 42)) / 2;
    }

    // Points p1..p6 of one eye start at `first`: corners p1, p4; upper lid p2, p3; lower lid p6, p5.
    private static float Eye(IReadOnlyList<PointF> p, int first)
    {
        float width = Distance(p[first], p[first + 3]);
        if (width <= 0) return 0;
        return (Distance(p[first + 1], p[first + 5]) + Distance(p[first + 2], p[first + 4])) / (2 * width);
    }

    private static float Distance(PointF a, PointF b) => MathF.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}

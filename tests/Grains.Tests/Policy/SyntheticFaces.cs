namespace AccessGrid.Grains.Tests.Policy;

/// <summary>Analysed frames made of chosen encodings, so a test sets the distances it needs exactly. Each person gets
/// their own plane of the 128-D space (two fresh axes), far (√2) from every other person's.</summary>
public static class SyntheticFaces
{
    private static int _nextAxis;

    public static readonly TemplateQuality Good = new(DetectionScore: 0.99f, SizePx: 120, Sharpness: 40, Brightness: 0.5f, RollDegrees: 0, YawDegrees: 0);

    /// <summary>Two unused axes; a vector at angle θ in their plane is cos θ·x + sin θ·y.</summary>
    public static Plane NewPlane()
    {
        var x = Interlocked.Add(ref _nextAxis, 2) - 2;
        if (x + 1 >= ShardIndex.Dimensions) throw new InvalidOperationException("Out of axes: use fewer synthetic people.");
        return new Plane(x, x + 1);
    }

    /// <summary>The angle between two unit vectors that are <paramref name="distance"/> apart (Euclidean chord).</summary>
    public static double AngleFor(float distance) => 2 * Math.Asin(distance / 2);

    public static AnalysedFrame Frame(float[] embedding, TemplateQuality? quality = null) =>
        new(null, null, 640, 480, [new AnalysedFace(new FaceRect(200, 120, 160, 160), embedding, quality ?? Good)], 1.0);

    public static AnalysedFrame Problem(FrameProblem problem) => new(problem, problem.ToString(), 0, 0, [], 1.0);

    public sealed record Plane(int X, int Y)
    {
        public float[] At(double angle)
        {
            var v = new float[ShardIndex.Dimensions];
            v[X] = (float)Math.Cos(angle);
            v[Y] = (float)Math.Sin(angle);
            return v;
        }
    }
}

namespace AccessGrid.Vision;

/// <summary>x' = A·x − B·y + Tx, y' = B·x + A·y + Ty: rotation, uniform scale √(A²+B²) and translation,
/// never a reflection.</summary>
public readonly record struct SimilarityTransform(double A, double B, double Tx, double Ty)
{
    public double Scale => Math.Sqrt(A * A + B * B);
    public double RotationRadians => Math.Atan2(B, A);

    public (double X, double Y) Apply(double x, double y) => (A * x - B * y + Tx, B * x + A * y + Ty);

    /// <summary>This transform applied after <paramref name="first"/>: x ↦ this(first(x)).</summary>
    public SimilarityTransform After(SimilarityTransform first) => new(
        A * first.A - B * first.B,
        A * first.B + B * first.A,
        A * first.Tx - B * first.Ty + Tx,
        B * first.Tx + A * first.Ty + Ty);

    public SimilarityTransform Inverse()
    {
        double n = A * A + B * B;
        double a = A / n, b = -B / n;
        return new(a, b, -(a * Tx - b * Ty), -(b * Tx + a * Ty));
    }

    /// <summary>The least-squares similarity mapping <paramref name="from"/> onto <paramref name="to"/>
    /// (closed form; for 2-D it equals Umeyama's estimate that dlib's find_similarity_transform uses).</summary>
    public static SimilarityTransform Fit(ReadOnlySpan<PointF> from, ReadOnlySpan<PointF> to)
    {
        if (from.Length != to.Length || from.Length < 2)
            throw new ArgumentException($"Need two equally long point lists of at least 2 points (got {from.Length} and {to.Length}).");
        double fx = 0, fy = 0, tx = 0, ty = 0;
        for (int i = 0; i < from.Length; i++) { fx += from[i].X; fy += from[i].Y; tx += to[i].X; ty += to[i].Y; }
        fx /= from.Length; fy /= from.Length; tx /= to.Length; ty /= to.Length;

        double dot = 0, cross = 0, norm = 0;
        for (int i = 0; i < from.Length; i++)
        {
            double px = from[i].X - fx, py = from[i].Y - fy, qx = to[i].X - tx, qy = to[i].Y - ty;
            dot += px * qx + py * qy;
            cross += px * qy - py * qx;
            norm += px * px + py * py;
        }
        if (!(norm > 1e-12)) throw new ArgumentException("The source points all coincide.", nameof(from));
        double a = dot / norm, b = cross / norm;
        return new(a, b, tx - (a * fx - b * fy), ty - (b * fx + a * fy));
    }
}

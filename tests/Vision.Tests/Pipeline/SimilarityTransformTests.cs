namespace AccessGrid.Vision.Tests.Pipeline;

public sealed class SimilarityTransformTests
{
    [Fact]
    public void Fit_recovers_a_known_rotation_scale_and_translation()
    {
        var truth = new SimilarityTransform(1.7 * Math.Cos(0.3), 1.7 * Math.Sin(0.3), 12.5, -4);
        PointF[] from = [new(0, 0), new(10, 3), new(-4, 8), new(7, -6), new(2, 2)];
        var to = from.Select(p => { var (x, y) = truth.Apply(p.X, p.Y); return new PointF((float)x, (float)y); }).ToArray();

        var fit = SimilarityTransform.Fit(from, to);

        Assert.Equal(1.7, fit.Scale, 4);
        Assert.Equal(0.3, fit.RotationRadians, 4);
        Assert.Equal(12.5, fit.Tx, 3);
        Assert.Equal(-4, fit.Ty, 3);
    }

    [Fact]
    public void Inverse_undoes_the_transform()
    {
        var t = new SimilarityTransform(0.8, -0.4, 3, 9);
        var (x, y) = t.Apply(5, -2);
        var (bx, by) = t.Inverse().Apply(x, y);
        Assert.Equal(5, bx, 9);
        Assert.Equal(-2, by, 9);
    }

    [Fact]
    public void Mirrored_points_are_not_fitted_with_a_reflection()
    {
        PointF[] from = [new(0, 0), new(10, 0), new(0, 5)];
        PointF[] mirrored = [new(0, 0), new(-10, 0), new(0, 5)];
        var fit = SimilarityTransform.Fit(from, mirrored);
        // A reflection would map exactly; the best rotation+scale cannot, so some residual remains.
        double residual = from.Zip(mirrored, (p, q) => { var (x, y) = fit.Apply(p.X, p.Y); return Math.Abs(x - q.X) + Math.Abs(y - q.Y); }).Sum();
        Assert.True(residual > 1, $"residual {residual}");
    }

    [Fact]
    public void Coincident_points_are_a_clear_error() =>
        Assert.Throws<ArgumentException>(() => SimilarityTransform.Fit([new(1, 1), new(1, 1)], [new(0, 0), new(5, 5)]));
}

namespace AccessGrid.Vision.Tests.Pipeline;

/// <summary>The chip template lands the features where dlib's 150-px, 0.25-padding chips put them.</summary>
public sealed class DlibMeanFaceTests
{
    [Fact]
    public void Template_uses_33_points_without_eyebrows_or_lower_lip()
    {
        Assert.Equal(33, DlibMeanFace.AlignmentPoints.Length);
        Assert.DoesNotContain(DlibMeanFace.AlignmentPoints, i => i is < 27 or (>= 55 and <= 59) or > 64);
    }

    [Fact]
    public void Eyes_nose_and_mouth_land_at_the_reference_positions()
    {
        AssertNear(47.55f, 46.60f, MeanOf(36, 41));
        AssertNear(100.48f, 46.60f, MeanOf(42, 47));
        AssertNear(74.01f, 76.56f, At(30));
        AssertNear(50.41f, 103.02f, At(48));
        AssertNear(97.61f, 103.02f, At(54));
    }

    private static PointF At(int landmark) => DlibMeanFace.ChipTemplate[Array.IndexOf(DlibMeanFace.AlignmentPoints, landmark)];

    private static PointF MeanOf(int first, int last)
    {
        var points = Enumerable.Range(first, last - first + 1).Select(At).ToList();
        return new PointF(points.Average(p => p.X), points.Average(p => p.Y));
    }

    private static void AssertNear(float x, float y, PointF actual)
    {
        Assert.InRange(actual.X, x - 0.01f, x + 0.01f);
        Assert.InRange(actual.Y, y - 0.01f, y + 0.01f);
    }
}

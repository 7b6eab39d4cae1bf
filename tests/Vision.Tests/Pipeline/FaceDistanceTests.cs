namespace AccessGrid.Vision.Tests.Pipeline;

public sealed class FaceDistanceTests
{
    [Fact]
    public void Euclidean_squared_is_twice_the_cosine_distance_for_unit_vectors()
    {
        var random = new Random(3);
        var a = Unit([.. Enumerable.Range(0, 128).Select(_ => random.NextSingle() - 0.5f)]);
        var b = Unit([.. Enumerable.Range(0, 128).Select(_ => random.NextSingle() - 0.5f)]);
        float e = FaceDistance.Euclidean(a, b);
        Assert.Equal(e * e, 2 * FaceDistance.Cosine(a, b), 4);
        Assert.Equal(0, FaceDistance.Euclidean(a, a), 6);
        Assert.Equal(0, FaceDistance.Cosine(a, a), 5);
        Assert.Equal(2, FaceDistance.Cosine(a, [.. a.Select(v => -v)]), 5);
    }

    [Fact]
    public void Different_lengths_are_a_clear_error()
    {
        Assert.Throws<ArgumentException>(() => FaceDistance.Euclidean(new float[128], new float[127]));
        Assert.Throws<ArgumentException>(() => FaceDistance.Cosine([], []));
    }

    private static float[] Unit(float[] v)
    {
        var n = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / n)];
    }
}

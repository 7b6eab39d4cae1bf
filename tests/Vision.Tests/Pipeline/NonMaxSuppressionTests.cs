namespace AccessGrid.Vision.Tests.Pipeline;

public sealed class NonMaxSuppressionTests
{
    [Fact]
    public void Keeps_the_best_of_overlapping_boxes_and_every_separate_one()
    {
        var kept = NonMaxSuppression.Apply(
        [
            new(new FaceBox(0, 0, 100, 100), 0.7f),
            new(new FaceBox(10, 10, 100, 100), 0.9f), // IoU with the first ≈ 0.68
            new(new FaceBox(300, 300, 50, 50), 0.6f),
        ], 0.4f);

        Assert.Equal([0.9f, 0.6f], kept.Select(d => d.Score));
    }

    [Fact]
    public void Overlap_at_the_threshold_is_kept()
    {
        // Two 100×100 boxes sharing 50×100: IoU = 5000 / 15000 = 1/3.
        var a = new Detection(new FaceBox(0, 0, 100, 100), 0.9f);
        var b = new Detection(new FaceBox(50, 0, 100, 100), 0.8f);
        Assert.Equal(1f / 3, NonMaxSuppression.IoU(a.Box, b.Box), 5);
        Assert.Equal(2, NonMaxSuppression.Apply([a, b], 1f / 3 + 1e-6f).Count);
        Assert.Single(NonMaxSuppression.Apply([a, b], 0.3f));
    }
}

using AccessGrid.Cli.Evaluation;

namespace AccessGrid.Cli.Tests.Evaluation;

public sealed class TripletBaselineTests
{
    [Fact]
    public void Triplets_pair_the_kth_same_pair_with_the_kth_different_pair_of_the_fold()
    {
        var file = PairsFile.Parse(["2 1", "Ann 1 2", "Bob 1 Ann 3", "Cid 1 2", "Cid 4 Dee 2"]);

        var triplets = TripletBaseline.Build(file.Pairs);

        Assert.Equal(
        [
            // Bob/Ann: the second image shows Ann (the anchor's person), so Bob is the negative.
            new Triplet(new LfwImage("Ann", 1), new LfwImage("Ann", 2), new LfwImage("Bob", 1)),
            // Cid/Dee: Dee is the negative.
            new Triplet(new LfwImage("Cid", 1), new LfwImage("Cid", 2), new LfwImage("Dee", 2)),
        ], triplets);
    }

    [Fact]
    public void Loss_is_zero_when_the_negative_is_farther_by_the_margin()
    {
        float[] anchor = [1, 0], positive = [1, 0], negative = [0, 1]; // d(a,p)² = 0, d(a,n)² = 2

        Assert.Equal(0, TripletBaseline.Loss(anchor, positive, negative));
        // Swapped roles: d(a,p)² = 2, d(a,n)² = 0 → 2 + 0.2.
        Assert.Equal(2.2, TripletBaseline.Loss(anchor, negative, positive), 6);
    }

    [Fact]
    public void Triplets_with_a_missing_encoding_are_skipped_and_counted()
    {
        var a = new LfwImage("A", 1);
        var p = new LfwImage("A", 2);
        var n = new LfwImage("B", 1);
        var missing = new LfwImage("C", 1);
        var embeddings = new Dictionary<LfwImage, float[]> { [a] = [1, 0], [p] = [0, 1], [n] = [1, 0] };

        var summary = TripletBaseline.Evaluate([new Triplet(a, p, n), new Triplet(a, p, missing)],
            image => embeddings.GetValueOrDefault(image));

        Assert.Equal(1, summary.Triplets);
        Assert.Equal(1, summary.Skipped);
        Assert.Equal(2.2, summary.MeanLoss, 6);
        Assert.Equal(1.0, summary.ViolatedFraction);
        Assert.Equal(0.2, summary.Margin);
    }
}

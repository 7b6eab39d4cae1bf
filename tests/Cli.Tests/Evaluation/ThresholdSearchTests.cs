using AccessGrid.Cli.Evaluation;

namespace AccessGrid.Cli.Tests.Evaluation;

public sealed class ThresholdSearchTests
{
    private static LabelledDistance Same(double d) => new(d, true);
    private static LabelledDistance Different(double d) => new(d, false);

    [Fact]
    public void Separable_distances_get_a_threshold_between_the_classes()
    {
        LabelledDistance[] pairs = [Same(0.2), Same(0.3), Different(0.7), Different(0.9)];

        var best = ThresholdSearch.Best(pairs);

        Assert.Equal(1.0, best.Accuracy);
        Assert.Equal(0.5, best.Threshold, 6);
    }

    [Fact]
    public void Overlapping_distances_pick_the_accuracy_maximising_split()
    {
        // Sorted: S.1 S.2 D.3 S.4 D.5 D.6 → accepting the first two gets 5 of 6 right, as does accepting the first four;
        // the middle of the equally good splits (here the 4-accept one of {2, 4}) is taken.
        LabelledDistance[] pairs = [Same(0.1), Same(0.2), Different(0.3), Same(0.4), Different(0.5), Different(0.6)];

        var best = ThresholdSearch.Best(pairs);

        Assert.Equal(5.0 / 6, best.Accuracy, 9);
        Assert.Equal(5.0 / 6, ThresholdSearch.Accuracy(pairs, best.Threshold), 9);
        Assert.True(best.Threshold is (> 0.2 and < 0.3) or (> 0.4 and < 0.5));
    }

    [Fact]
    public void Failed_pairs_count_as_wrong_whatever_the_label()
    {
        LabelledDistance[] pairs = [Same(0.2), Different(0.8), LabelledDistance.FailedPair(true), LabelledDistance.FailedPair(false)];

        var best = ThresholdSearch.Best(pairs);

        Assert.Equal(0.5, best.Accuracy);
        Assert.Equal(0.5, ThresholdSearch.Accuracy(pairs, 0.5));
    }

    [Fact]
    public void Tied_distances_are_never_split()
    {
        LabelledDistance[] pairs = [Same(0.5), Different(0.5), Same(0.5)];

        var best = ThresholdSearch.Best(pairs);

        Assert.Equal(2.0 / 3, best.Accuracy, 9);
        Assert.True(best.Threshold > 0.5);
    }

    [Fact]
    public void Every_pair_failed_is_an_error_not_a_threshold()
    {
        Assert.Throws<ArgumentException>(() => ThresholdSearch.Best([LabelledDistance.FailedPair(true)]));
    }
}

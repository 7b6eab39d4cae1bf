using AccessGrid.Cli.Evaluation;

namespace AccessGrid.Cli.Tests.Evaluation;

public sealed class CrossValidationTests
{
    [Fact]
    public void Each_fold_is_tested_with_a_threshold_chosen_on_the_others()
    {
        // Folds 0 and 1 separate at 0.5; fold 2 has its genuine pairs at 0.6, which only a threshold learnt on fold 2
        // itself would accept. Trained on folds 0 and 1, fold 2 scores 50 %.
        LabelledDistance[] pairs =
        [
            new(0.2, true), new(0.8, false),
            new(0.3, true), new(0.75, false),
            new(0.6, true), new(0.9, false),
        ];
        int[] folds = [0, 0, 1, 1, 2, 2];

        var results = CrossValidation.Run(pairs, folds);

        Assert.Equal([0, 1, 2], results.Select(r => r.Fold));
        Assert.Equal(1.0, results[0].Accuracy);
        Assert.Equal(1.0, results[1].Accuracy);
        Assert.Equal(0.5, results[2].Accuracy);
        Assert.InRange(results[2].Threshold, 0.3, 0.6);
    }

    [Fact]
    public void Mean_and_population_std()
    {
        double[] values = [0.9, 1.0];

        Assert.Equal(0.95, Statistics.Mean(values), 12);
        Assert.Equal(0.05, Statistics.StandardDeviation(values), 12);
    }

    [Fact]
    public void One_fold_cannot_be_cross_validated()
    {
        Assert.Throws<ArgumentException>(() => CrossValidation.Run([new(0.1, true), new(0.9, false)], [0, 0]));
    }
}

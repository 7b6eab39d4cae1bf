using AccessGrid.Cli.Evaluation;

namespace AccessGrid.Cli.Tests.Evaluation;

public sealed class RocTests
{
    private static LabelledDistance[] Pairs(double[] genuine, double[] impostor) =>
        [.. genuine.Select(d => new LabelledDistance(d, true)), .. impostor.Select(d => new LabelledDistance(d, false))];

    [Fact]
    public void Perfect_ranking_has_auc_one_and_eer_zero()
    {
        var roc = new Roc(Pairs([0.1, 0.2, 0.3], [0.6, 0.7, 0.8, 0.9]));

        Assert.Equal(1.0, roc.Auc, 12);
        Assert.Equal(0.0, roc.Eer, 12);
        Assert.Equal(1.0, roc.TarAtFar(0));
    }

    [Fact]
    public void Reversed_ranking_has_auc_zero_and_eer_one()
    {
        var roc = new Roc(Pairs([0.6, 0.7, 0.8], [0.1, 0.2, 0.3]));

        Assert.Equal(0.0, roc.Auc, 12);
        Assert.Equal(1.0, roc.Eer, 12);
        Assert.Equal(0.0, roc.TarAtFar(0.5));
    }

    [Fact]
    public void Random_ranking_has_auc_and_eer_near_one_half()
    {
        var random = new Random(7);
        var roc = new Roc(Pairs(
            Enumerable.Range(0, 4000).Select(_ => random.NextDouble()).ToArray(),
            Enumerable.Range(0, 4000).Select(_ => random.NextDouble()).ToArray()));

        Assert.InRange(roc.Auc, 0.47, 0.53);
        Assert.InRange(roc.Eer, 0.47, 0.53);
    }

    [Fact]
    public void Ties_count_half()
    {
        var roc = new Roc(Pairs([0.5, 0.5], [0.5, 0.5]));

        Assert.Equal(0.5, roc.Auc, 12);
    }

    [Fact]
    public void Auc_matches_a_hand_count()
    {
        // Genuine 0.1 beats all 3 impostors, 0.4 beats 2 (0.5, 0.9) and ties one (0.4): (3 + 2.5) / 6.
        var roc = new Roc(Pairs([0.1, 0.4], [0.4, 0.5, 0.9]));

        Assert.Equal(5.5 / 6, roc.Auc, 12);
    }

    [Fact]
    public void Tar_at_far_takes_the_best_threshold_within_the_false_accept_budget()
    {
        // 10 impostors. FAR 0 stops below 0.35 (genuine 0.1, 0.3 in); FAR 0.1 allows the one false accept at 0.35, which
        // lets 0.4 in too; 0.95 needs every impostor accepted.
        var roc = new Roc(Pairs([0.1, 0.3, 0.4, 0.95], [0.35, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]));

        Assert.Equal(0.5, roc.TarAtFar(0));
        Assert.Equal(0.75, roc.TarAtFar(0.1));
        Assert.Equal(0.75, roc.TarAtFar(0.5));
        Assert.Equal(1.0, roc.TarAtFar(1));
    }

    [Fact]
    public void Threshold_at_far_is_the_best_operating_point_within_the_budget()
    {
        var roc = new Roc(Pairs([0.1, 0.3, 0.4], [0.35, 0.5, 0.6, 0.7]));

        Assert.Equal(0.3, roc.ThresholdAtFar(0));    // accepting 0.35 would be a false accept
        Assert.Equal(0.4, roc.ThresholdAtFar(0.25)); // one false accept allowed: every genuine pair is in
    }

    [Fact]
    public void Eer_interpolates_where_false_accepts_meet_false_rejects()
    {
        // Threshold 0.3: FAR 0, FRR 0.5; threshold 0.4: FAR 0.5, FRR 0.5 → they meet at 0.5.
        var roc = new Roc(Pairs([0.1, 0.5], [0.4, 0.6]));

        Assert.Equal(0.5, roc.Eer, 12);
    }

    [Fact]
    public void Failed_pairs_are_rejections_in_both_denominators()
    {
        LabelledDistance[] pairs =
        [
            new(0.1, true), LabelledDistance.FailedPair(true),
            new(0.9, false), LabelledDistance.FailedPair(false),
        ];

        var roc = new Roc(pairs);

        Assert.Equal(0.5, roc.TarAtFar(0));          // the failed genuine pair is never accepted
        Assert.Equal(0.5, roc.Points[^1].Far);       // the failed impostor never becomes a false accept
        // Genuine 0.1 beats both impostors; the failed genuine ties the failed impostor: (2 + 0.5) / 4.
        Assert.Equal(2.5 / 4, roc.Auc, 12);
    }

    [Fact]
    public void A_roc_needs_both_classes()
    {
        Assert.Throws<ArgumentException>(() => new Roc(Pairs([0.1], [])));
    }
}

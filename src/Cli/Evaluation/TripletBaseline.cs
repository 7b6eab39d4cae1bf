using AccessGrid.Vision;

namespace AccessGrid.Cli.Evaluation;

/// <summary>
/// The triplet loss of the encodings on triplets built from a pairs file. Within each fold the k-th same-person pair
/// (anchor = its first image, positive = its second) is matched with the k-th different-person pair, whose image of
/// someone other than the anchor's person is the negative (its second image unless that shows the anchor's person).
/// Deterministic, and every triplet stays inside one fold.
/// </summary>
public static class TripletBaseline
{
    public const double Margin = 0.2;

    public static IReadOnlyList<Triplet> Build(IReadOnlyList<ImagePair> pairs)
    {
        var triplets = new List<Triplet>();
        foreach (var fold in pairs.GroupBy(p => p.Fold))
        {
            var same = fold.Where(p => p.Same).ToArray();
            var different = fold.Where(p => !p.Same).ToArray();
            for (var k = 0; k < Math.Min(same.Length, different.Length); k++)
            {
                var anchor = same[k].A;
                var negative = different[k].B.Name != anchor.Name ? different[k].B : different[k].A;
                if (negative.Name == anchor.Name) continue;
                triplets.Add(new Triplet(anchor, same[k].B, negative));
            }
        }
        return triplets;
    }

    public static double Loss(ReadOnlySpan<float> anchor, ReadOnlySpan<float> positive, ReadOnlySpan<float> negative)
    {
        var ap = FaceDistance.Euclidean(anchor, positive);
        var an = FaceDistance.Euclidean(anchor, negative);
        return Math.Max(0, (double)ap * ap - (double)an * an + Margin);
    }

    public static TripletSummary Evaluate(IReadOnlyList<Triplet> triplets, Func<LfwImage, float[]?> embeddingOf)
    {
        var losses = new List<double>(triplets.Count);
        foreach (var t in triplets)
        {
            if (embeddingOf(t.Anchor) is { } a && embeddingOf(t.Positive) is { } p && embeddingOf(t.Negative) is { } n)
                losses.Add(Loss(a, p, n));
        }
        return losses.Count == 0
            ? new TripletSummary(double.NaN, double.NaN, Margin, 0, triplets.Count)
            : new TripletSummary(losses.Average(), (double)losses.Count(l => l > 0) / losses.Count, Margin, losses.Count,
                triplets.Count - losses.Count);
    }
}

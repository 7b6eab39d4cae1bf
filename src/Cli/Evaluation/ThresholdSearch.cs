namespace AccessGrid.Cli.Evaluation;

/// <summary>Accuracy of a distance threshold, and the threshold that maximises it.</summary>
public static class ThresholdSearch
{
    /// <summary>Fraction of pairs decided correctly at <paramref name="threshold"/>. Failed pairs count as wrong.</summary>
    public static double Accuracy(IReadOnlyList<LabelledDistance> pairs, double threshold)
    {
        if (pairs.Count == 0) throw new ArgumentException("no pairs to score", nameof(pairs));
        var correct = pairs.Count(p => !p.Failed && (p.Distance <= threshold) == p.Same);
        return (double)correct / pairs.Count;
    }

    /// <summary>
    /// Tries every split between consecutive distinct distances and returns the one with the highest accuracy
    /// (failed pairs are wrong at any threshold, so they lower the accuracy but never move the choice). Among equally
    /// good splits the middle one is taken, so the threshold sits in the centre of the best plateau, not on its edge.
    /// </summary>
    public static ThresholdChoice Best(IReadOnlyList<LabelledDistance> pairs)
    {
        var scored = pairs.Where(p => !p.Failed).OrderBy(p => p.Distance).ToArray();
        if (scored.Length == 0) throw new ArgumentException("every pair failed: no threshold can be chosen", nameof(pairs));

        // Start by rejecting everything: the different-person pairs are right, then sweep the threshold upward.
        var correct = scored.Count(p => !p.Same);
        var best = correct;
        var bestSplits = new List<int> { 0 };
        for (var i = 0; i < scored.Length; i++)
        {
            correct += scored[i].Same ? 1 : -1;
            // A split is only possible between distinct distances.
            if (i + 1 < scored.Length && scored[i + 1].Distance == scored[i].Distance) continue;
            if (correct > best) { best = correct; bestSplits.Clear(); }
            if (correct == best) bestSplits.Add(i + 1);
        }

        var split = bestSplits[bestSplits.Count / 2];
        var threshold = ThresholdAt(scored, split);
        return new ThresholdChoice(threshold, (double)best / pairs.Count);
    }

    /// <summary>Midway between the last accepted and the first rejected distance.</summary>
    private static double ThresholdAt(LabelledDistance[] sorted, int accepted)
    {
        if (accepted == 0) return sorted[0].Distance - 1e-6;
        if (accepted == sorted.Length) return sorted[^1].Distance + 1e-6;
        return (sorted[accepted - 1].Distance + sorted[accepted].Distance) / 2;
    }
}

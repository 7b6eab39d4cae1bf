namespace AccessGrid.Cli.Evaluation;

/// <summary>
/// The receiver operating characteristic of labelled distances (smaller = more alike). A failed pair is a rejection
/// at every threshold, as at a real door: it lowers TAR when the two images show the same person and can never add a
/// false accept, while staying in both denominators.
/// </summary>
public sealed class Roc
{
    private readonly double[] _genuine;
    private readonly double[] _impostor;

    public Roc(IReadOnlyList<LabelledDistance> pairs)
    {
        GenuineCount = pairs.Count(p => p.Same);
        ImpostorCount = pairs.Count - GenuineCount;
        if (GenuineCount == 0 || ImpostorCount == 0)
            throw new ArgumentException("a ROC needs both same-person and different-person pairs", nameof(pairs));
        _genuine = pairs.Where(p => p.Same && !p.Failed).Select(p => p.Distance).Order().ToArray();
        _impostor = pairs.Where(p => !p.Same && !p.Failed).Select(p => p.Distance).Order().ToArray();
        Points = BuildPoints();
    }

    public int GenuineCount { get; }
    public int ImpostorCount { get; }

    /// <summary>From "accept nothing" to "accept every encoded pair", one point per distinct distance.</summary>
    public IReadOnlyList<RocPoint> Points { get; }

    /// <summary>
    /// Probability that a random same-person pair is closer than a random different-person pair (ties count half):
    /// the area under the ROC. Failed pairs rank as infinitely far.
    /// </summary>
    public double Auc
    {
        get
        {
            var failedImpostors = ImpostorCount - _impostor.Length;
            double wins = 0;
            int lo = 0, hi = 0; // _impostor[lo..hi) equals the current genuine distance
            foreach (var g in _genuine)
            {
                while (lo < _impostor.Length && _impostor[lo] < g) lo++;
                hi = Math.Max(hi, lo);
                while (hi < _impostor.Length && _impostor[hi] <= g) hi++;
                wins += _impostor.Length - hi + failedImpostors + 0.5 * (hi - lo);
            }
            // Failed genuine pairs are infinitely far: they tie with failed impostors and lose to the rest.
            wins += (GenuineCount - _genuine.Length) * 0.5 * failedImpostors;
            return wins / ((double)GenuineCount * ImpostorCount);
        }
    }

    /// <summary>Highest TAR among thresholds whose FAR does not exceed <paramref name="far"/>.</summary>
    public double TarAtFar(double far) => Points.Where(p => p.Far <= far).Max(p => p.Tar);

    /// <summary>Threshold of the best operating point with FAR ≤ <paramref name="far"/>.</summary>
    public double ThresholdAtFar(double far) =>
        Points.Where(p => p.Far <= far).MaxBy(p => (p.Tar, -p.Far)).Threshold;

    /// <summary>Equal error rate: where FAR meets FRR (1 − TAR), interpolated linearly between operating points.</summary>
    public double Eer
    {
        get
        {
            var previous = Points[0];
            foreach (var point in Points)
            {
                var gap = point.Far - (1 - point.Tar);
                if (gap >= 0)
                {
                    var previousGap = previous.Far - (1 - previous.Tar);
                    var t = -previousGap / (gap - previousGap);
                    return previous.Far + t * (point.Far - previous.Far);
                }
                previous = point;
            }
            // Every encoded pair accepted and FAR still below FRR (many failures): the FRR floor is the EER bound.
            var last = Points[^1];
            return 1 - last.Tar;
        }
    }

    private RocPoint[] BuildPoints()
    {
        var thresholds = _genuine.Concat(_impostor).Distinct().Order().ToArray();
        var points = new List<RocPoint>(thresholds.Length + 1)
        {
            new(thresholds.Length > 0 ? thresholds[0] - 1e-6 : 0, 0, 0),
        };
        int g = 0, i = 0;
        foreach (var t in thresholds)
        {
            while (g < _genuine.Length && _genuine[g] <= t) g++;
            while (i < _impostor.Length && _impostor[i] <= t) i++;
            points.Add(new RocPoint(t, (double)i / ImpostorCount, (double)g / GenuineCount));
        }
        return points.ToArray();
    }
}

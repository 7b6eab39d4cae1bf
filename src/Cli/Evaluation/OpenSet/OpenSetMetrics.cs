using AccessGrid.Vision;

namespace AccessGrid.Cli.Evaluation.OpenSet;

/// <summary>Scores an <see cref="OpenSetGallery"/> with the door's rule at any gallery size and threshold.</summary>
public sealed class OpenSetMetrics(OpenSetGallery gallery, DecisionThresholds thresholds)
{
    /// <summary>The DET curve's thresholds: every 0.0025 over the range the door could ever use and beyond.</summary>
    public static readonly float[] DetThresholds = Enumerable.Range(0, 241).Select(i => 0.10f + i * 0.0025f).ToArray();

    private readonly ProbeDistances _genuine = new(gallery.Identities, gallery.Genuine.Select(g => g.Encoding).ToArray());
    private readonly ProbeDistances _impostors = new(gallery.Identities, gallery.Impostors);

    /// <summary>The door's operating point for a gallery of the first <paramref name="size"/> identities (genuine
    /// probes of people beyond it are left out: they are not enrolled).</summary>
    public OperatingPoint Measure(int size, float? threshold = null)
    {
        var t = threshold ?? thresholds.IdentifyThreshold(size);
        var margin = thresholds.IdentifyMargin;
        var genuine = Genuine(size);
        var impostors = Impostors(size);
        var (correct, wrong, rank1, faceless) = (0, 0, 0, 0);
        foreach (var (own, nearest) in genuine)
        {
            if (nearest is not { } n) { faceless++; continue; }
            if (n.Identity == own) rank1++;
            if (!n.Accepted(t, margin)) continue;
            if (n.Identity == own) correct++;
            else wrong++;
        }
        var falseAccepts = impostors.Count(n => n is { } i && i.Accepted(t, margin));

        var calibrated = DetThresholds.Where(c => FalseAcceptRate(impostors, c, margin) <= thresholds.TargetFpir).DefaultIfEmpty(float.NaN).Max();
        double? fnirCalibrated = float.IsNaN(calibrated) ? null
            : 1 - (double)genuine.Count(g => g.Nearest is { } n && n.Identity == g.Own && n.Accepted(calibrated, margin)) / Math.Max(1, genuine.Length);
        return new OperatingPoint(size, t, margin, genuine.Length, impostors.Length, correct, wrong, falseAccepts, faceless, rank1,
            float.IsNaN(calibrated) ? null : calibrated, fnirCalibrated);
    }

    /// <summary>FNIR against FPIR over <see cref="DetThresholds"/> for a gallery of <paramref name="size"/> identities.</summary>
    public IReadOnlyList<DetPoint> Det(int size)
    {
        var genuine = Genuine(size);
        var impostors = Impostors(size);
        var margin = thresholds.IdentifyMargin;
        double Fnir(float t, float m) =>
            1 - (double)genuine.Count(g => g.Nearest is { } n && n.Identity == g.Own && n.Accepted(t, m)) / Math.Max(1, genuine.Length);
        return DetThresholds
            .Select(t => new DetPoint(t, FalseAcceptRate(impostors, t, margin), Fnir(t, margin), FalseAcceptRate(impostors, t, 0), Fnir(t, 0)))
            .ToArray();
    }

    private (int Own, Nearest? Nearest)[] Genuine(int size) =>
        gallery.Genuine.Select((g, i) => (g.Identity, i)).Where(g => g.Identity < size)
            .Select(g => (g.Identity, _genuine.Rank(g.i, size))).ToArray();

    private Nearest?[] Impostors(int size) => Enumerable.Range(0, _impostors.Count).Select(i => _impostors.Rank(i, size)).ToArray();

    private static double FalseAcceptRate(Nearest?[] impostors, float threshold, float margin) =>
        (double)impostors.Count(n => n is { } i && i.Accepted(threshold, margin)) / Math.Max(1, impostors.Length);
}

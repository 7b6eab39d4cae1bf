using AccessGrid.Vision;

namespace AccessGrid.Cli.Evaluation.OpenSet;

/// <summary>Scores an <see cref="OpenSetGallery"/> with the door's rule at any gallery size and threshold.</summary>
/// <param name="cohort">Score normalisation: the neighbourhood size of <see cref="NeighbourhoodOffsets"/>; null scores raw distances.</param>
public sealed class OpenSetMetrics(OpenSetGallery gallery, DecisionThresholds thresholds, int? cohort = null)
{
    /// <summary>The DET curve's thresholds: every 0.0025 over the range the door could ever use and beyond.</summary>
    public static readonly float[] DetThresholds = Enumerable.Range(0, 241).Select(i => 0.10f + i * 0.0025f).ToArray();

    private readonly ProbeDistances _genuine = new(gallery.Identities, gallery.Genuine.Select(g => g.Encoding).ToArray());
    private readonly ProbeDistances _impostors = new(gallery.Identities, gallery.Impostors.Select(i => i.Encoding).ToArray());
    private readonly NeighbourhoodOffsets? _offsets = cohort is { } k ? new NeighbourhoodOffsets(gallery.Identities, k) : null;

    /// <summary>The door's operating point for a gallery of the first <paramref name="size"/> identities (genuine
    /// probes of people beyond it are left out: they are not enrolled).</summary>
    public OperatingPoint Measure(int size, float? threshold = null, ProbeHalf half = ProbeHalf.All)
    {
        var t = threshold ?? thresholds.IdentifyThreshold(size);
        var margin = thresholds.IdentifyMargin;
        var genuine = Genuine(size, half);
        var impostors = Impostors(size, half);
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
        var calibrated = Calibrate(impostors);
        return new OperatingPoint(size, t, margin, genuine.Length, impostors.Length, correct, wrong, falseAccepts, faceless, rank1,
            calibrated, calibrated is { } c ? MissRate(genuine, c, margin) : null);
    }

    /// <summary>Every genuine probe the door grants as someone else at the given size and threshold.</summary>
    public IReadOnlyList<WrongPersonGrant> WrongPersonGrants(int size, float threshold) =>
        gallery.Genuine.Select((g, i) => (g, Nearest: g.Identity < size ? _genuine.Rank(i, size, _offsets?.For(size)) : null))
            .Where(p => p.Nearest is { } n && n.Identity != p.g.Identity && n.Accepted(threshold, thresholds.IdentifyMargin))
            .Select(p => new WrongPersonGrant(gallery.Identities[p.g.Identity].Name, p.g.Photo, gallery.Identities[p.Nearest!.Value.Identity].Name,
                p.Nearest.Value.Distance, p.Nearest.Value.RunnerUp))
            .ToArray();

    /// <summary>A data-calibrated threshold reported honestly: chosen on the even-indexed people's probes (the loosest
    /// threshold whose FPIR there is within the target), measured on the odd-indexed people's probes.</summary>
    public OperatingPoint HeldOut(int size) =>
        Measure(size, Calibrate(Impostors(size, ProbeHalf.Calibration)) ?? DetThresholds[0], ProbeHalf.HeldOut);

    /// <summary>FNIR against FPIR over <see cref="DetThresholds"/> for a gallery of <paramref name="size"/> identities.</summary>
    public IReadOnlyList<DetPoint> Det(int size)
    {
        var genuine = Genuine(size, ProbeHalf.All);
        var impostors = Impostors(size, ProbeHalf.All);
        var margin = thresholds.IdentifyMargin;
        return DetThresholds
            .Select(t => new DetPoint(t, FalseAcceptRate(impostors, t, margin), MissRate(genuine, t, margin),
                FalseAcceptRate(impostors, t, 0), MissRate(genuine, t, 0)))
            .ToArray();
    }

    private float? Calibrate(Nearest?[] impostors)
    {
        var within = DetThresholds.Where(t => FalseAcceptRate(impostors, t, thresholds.IdentifyMargin) <= thresholds.TargetFpir).ToArray();
        return within.Length == 0 ? null : within.Max();
    }

    private (int Own, Nearest? Nearest)[] Genuine(int size, ProbeHalf half) =>
        gallery.Genuine.Select((g, i) => (g.Identity, i)).Where(g => g.Identity < size && In(half, g.Identity))
            .Select(g => (g.Identity, _genuine.Rank(g.i, size, _offsets?.For(size)))).ToArray();

    private Nearest?[] Impostors(int size, ProbeHalf half) =>
        gallery.Impostors.Select((p, i) => (p.Person, i)).Where(p => In(half, p.Person)).Select(p => _impostors.Rank(p.i, size, _offsets?.For(size))).ToArray();

    private static bool In(ProbeHalf half, int person) => half switch
    {
        ProbeHalf.Calibration => person % 2 == 0,
        ProbeHalf.HeldOut => person % 2 == 1,
        _ => true,
    };

    private static double MissRate((int Own, Nearest? Nearest)[] genuine, float threshold, float margin) =>
        1 - (double)genuine.Count(g => g.Nearest is { } n && n.Identity == g.Own && n.Accepted(threshold, margin)) / Math.Max(1, genuine.Length);

    private static double FalseAcceptRate(Nearest?[] impostors, float threshold, float margin) =>
        (double)impostors.Count(n => n is { } i && i.Accepted(threshold, margin)) / Math.Max(1, impostors.Length);
}

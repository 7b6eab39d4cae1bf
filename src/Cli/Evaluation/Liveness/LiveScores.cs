namespace AccessGrid.Cli.Evaluation.Liveness;

/// <summary>Live scores of bona fide and attack presentations; null = undecidable or no face, which a door never
/// accepts: it counts against BPCER for a live frame and can never count towards APCER.</summary>
public sealed class LiveScores
{
    private readonly float[] _live;   // decidable bona fide scores, ascending
    private readonly float[] _spoof;  // decidable attack scores, ascending

    public LiveScores(IReadOnlyList<float?> live, IReadOnlyList<float?> spoof)
    {
        if (live.Count == 0 || spoof.Count == 0) throw new ArgumentException("need both live and spoof presentations");
        LiveCount = live.Count;
        SpoofCount = spoof.Count;
        _live = [.. live.OfType<float>().Order()];
        _spoof = [.. spoof.OfType<float>().Order()];
    }

    public int LiveCount { get; }
    public int SpoofCount { get; }

    /// <summary>Share of attacks with score ≥ <paramref name="threshold"/>.</summary>
    public double Apcer(float threshold) => (double)_spoof.Count(s => s >= threshold) / SpoofCount;

    /// <summary>Share of bona fide presentations rejected: score below <paramref name="threshold"/> or none.</summary>
    public double Bpcer(float threshold) => (double)(LiveCount - _live.Count(s => s >= threshold)) / LiveCount;

    /// <summary>The strictest threshold whose BPCER stays ≤ <paramref name="bpcer"/> (when undecidable live frames
    /// alone exceed it, the loosest threshold that still accepts every decidable one).</summary>
    public float ThresholdAtBpcer(double bpcer)
    {
        if (_live.Length == 0) return 1;
        int mayReject = (int)Math.Floor(bpcer * LiveCount + 1e-9) - (LiveCount - _live.Length);
        return _live[Math.Clamp(mayReject, 0, _live.Length - 1)];
    }

    /// <summary>The loosest threshold whose APCER stays ≤ <paramref name="apcer"/>.</summary>
    public float ThresholdAtApcer(double apcer)
    {
        int mayAccept = (int)Math.Floor(apcer * SpoofCount + 1e-9);
        if (mayAccept >= _spoof.Length) return 0;
        return MathF.BitIncrement(_spoof[_spoof.Length - 1 - mayAccept]);
    }

    public double ApcerAtBpcer(double bpcer) => Apcer(ThresholdAtBpcer(bpcer));

    public double BpcerAtApcer(double apcer) => Bpcer(ThresholdAtApcer(apcer));

    /// <summary>Probability that a live presentation outscores an attack (ties half; undecidable lowest).</summary>
    public double Auc => new Roc([
        .. Enumerable.Range(0, LiveCount).Select(i => i < _live.Length ? new LabelledDistance(1.0 - _live[i], true) : LabelledDistance.FailedPair(true)),
        .. Enumerable.Range(0, SpoofCount).Select(i => i < _spoof.Length ? new LabelledDistance(1.0 - _spoof[i], false) : LabelledDistance.FailedPair(false)),
    ]).Auc;

    /// <summary>(APCER, BPCER) at every distinct score: the DET curve.</summary>
    public IReadOnlyList<(double Apcer, double Bpcer)> DetPoints() =>
        [.. _live.Concat(_spoof).Distinct().Order().Select(t => (Apcer(t), Bpcer(t)))];
}

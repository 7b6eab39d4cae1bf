namespace AccessGrid.Cli.Evaluation.OpenSet;

/// <summary>What the door does with every probe at one gallery size: genuine probes end correct, as the wrong person,
/// or turned away (rejected, or no usable face — a miss too, as NIST counts failures to acquire); impostor probes are
/// turned away or falsely accepted.</summary>
/// <param name="Threshold">The 1:K threshold used (the door's: DecisionThresholds.IdentifyThreshold(GallerySize)).</param>
/// <param name="Margin">The runner-up margin used (the door's: DecisionThresholds.IdentifyMargin).</param>
/// <param name="Rank1">Genuine probes whose nearest identity is their own, whatever the threshold (closed-set).</param>
/// <param name="CalibratedThreshold">The loosest threshold (same margin) whose FPIR on these impostors is at most the
/// target: an oracle figure, optimistic, for comparison with the N·FMR formula.</param>
public sealed record OperatingPoint(
    int GallerySize,
    float Threshold,
    float Margin,
    int GenuineProbes,
    int ImpostorProbes,
    int Correct,
    int WrongPerson,
    int FalseAccepts,
    int GenuineWithoutFace,
    int Rank1,
    float? CalibratedThreshold,
    double? FnirAtCalibrated)
{
    public double Fnir => GenuineProbes == 0 ? 0 : 1 - (double)Correct / GenuineProbes;
    public double Fpir => ImpostorProbes == 0 ? 0 : (double)FalseAccepts / ImpostorProbes;
    public double WrongPersonRate => GenuineProbes == 0 ? 0 : (double)WrongPerson / GenuineProbes;
    public double Rank1Rate => GenuineProbes == 0 ? 0 : (double)Rank1 / GenuineProbes;
}

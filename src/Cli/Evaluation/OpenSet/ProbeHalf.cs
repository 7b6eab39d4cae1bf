namespace AccessGrid.Cli.Evaluation.OpenSet;

/// <summary>Which probes count: all, or one half of the people (even or odd index), so that a threshold calibrated on
/// one half is reported on people it never saw.</summary>
public enum ProbeHalf
{
    All,
    Calibration,
    HeldOut,
}

namespace AccessGrid.Grains;

/// <summary>Which decisions count toward which alarm, and how severe each kind is. Pure: the alarm grain owns the state.</summary>
public static class AlarmRules
{
    // spoof_suspected comes with the liveness work (issue 11); matched by name so these rules need no change when the
    // reason exists and raise nothing while it does not.
    private static readonly DecisionReason? SpoofSuspected =
        Enum.TryParse<DecisionReason>("SpoofSuspected", out var spoof) ? spoof : null;

    public static bool IsSpoof(Decision decision) => SpoofSuspected is { } spoof && decision.Reason == spoof;

    public static bool IsUnknownFace(Decision decision) => decision.Reason == DecisionReason.UnknownFace;

    /// <summary>Every denial counts toward a burst except an empty scene: cameras post those all the time.</summary>
    public static bool CountsTowardBurst(Decision decision) => !decision.IsGranted && decision.Reason != DecisionReason.NoFace;

    public static AlarmSeverity Severity(AlarmKind kind) => kind switch
    {
        AlarmKind.SpoofSuspected => AlarmSeverity.Critical,
        AlarmKind.DenialBurst => AlarmSeverity.High,
        _ => AlarmSeverity.Warning,
    };

    /// <summary>Thresholds a guard can live with: at least one event, at most a thousand, a window of 10 s to 1 h.</summary>
    public static void Validate(AlarmThresholds t)
    {
        if (t.UnknownFaces is < 1 or > 1000 || t.Denials is < 1 or > 1000)
            throw AccessGridException.Invalid("invalid_thresholds", "unknownFaces and denials must be between 1 and 1000.");
        if (t.WindowSeconds is < 10 or > 3600)
            throw AccessGridException.Invalid("invalid_thresholds", "windowSeconds must be between 10 and 3600.");
    }
}

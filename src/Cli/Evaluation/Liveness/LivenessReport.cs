using System.Text.Json.Serialization;
using AccessGrid.Vision.Liveness;

namespace AccessGrid.Cli.Evaluation.Liveness;

/// <summary>report.json of `accessgrid eval liveness`. Rates are fractions (0.02 = 2 %); every figure is on the
/// test frames/sessions, never on the calibration ones, unless its name says "calibration".</summary>
public sealed record LivenessReport
{
    public required string Split { get; init; }
    public required IReadOnlyList<string> CalibrationSubjects { get; init; }
    public required IReadOnlyList<string> TestSubjects { get; init; }

    public required double Auc { get; init; }
    [JsonPropertyName("apcer_at_bpcer_0.01")] public required double ApcerAtBpcer1 { get; init; }
    [JsonPropertyName("apcer_at_bpcer_0.03")] public required double ApcerAtBpcer3 { get; init; }
    [JsonPropertyName("bpcer_at_apcer_0.05")] public required double BpcerAtApcer5 { get; init; }

    /// <summary>Live-score threshold chosen on the calibration frames at BPCER ≤ 3 %.</summary>
    public required float Threshold { get; init; }
    /// <summary>APCER and BPCER of the test frames at <see cref="Threshold"/> (the honest held-out operating point).</summary>
    public required double ApcerAtThreshold { get; init; }
    public required double BpcerAtThreshold { get; init; }
    /// <summary>The door default (<c>LivenessOptions.PassiveThreshold</c>) and the test frames' rates at it; bursts use it too.</summary>
    public required float DoorThreshold { get; init; }
    public required double ApcerAtDoorThreshold { get; init; }
    public required double BpcerAtDoorThreshold { get; init; }

    public required int FramesLive { get; init; }
    public required int FramesSpoof { get; init; }
    /// <summary>Test frames whose primary face had too little context inside the frame.</summary>
    public required int Undecidable { get; init; }
    /// <summary>Test frames in which no face was found (rejected, like undecidable ones).</summary>
    public required int NoFace { get; init; }

    /// <summary>Passive check per face, thread CPU time: context crop, tensor, model (mean over scored frames).</summary>
    public required double MsPerFrame { get; init; }
    public required double MsPerFrameP95 { get; init; }
    /// <summary>The same in wall-clock time (inflated when other processes compete for the cores).</summary>
    public required double WallMsPerFrame { get; init; }
    /// <summary>Decode, detection, landmarks and encoding per frame, thread CPU time (mean).</summary>
    public required double PipelineMsPerFrame { get; init; }
    /// <summary>30 × (pipeline + passive) per frame: the CPU a 30-frame burst costs on one thread.</summary>
    public required double Burst30CpuMs { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public BurstFigures? Bursts { get; init; }
    [JsonPropertyName("burst_apcer"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? BurstApcer => Bursts?.ActiveApcer;
    [JsonPropertyName("burst_bpcer"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? BurstBpcer => Bursts?.ActiveBpcer;
    [JsonPropertyName("sessions_live"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? SessionsLive => Bursts?.SessionsLive;
    [JsonPropertyName("sessions_spoof"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public int? SessionsSpoof => Bursts?.SessionsSpoof;
}

/// <summary>Per-session (burst) results on the test subjects. "Active" = median live score ≥ the door threshold and a blink;
/// "passive" = the score alone. An undecidable burst is never accepted.</summary>
public sealed record BurstFigures(
    int SessionsLive, int SessionsSpoof,
    double ActiveApcer, double ActiveBpcer, double PassiveApcer, double PassiveBpcer,
    BlinkMeasure BlinkMeasure, float BlinkClosedRatio, bool BlinkSeparatesOnCalibration, IReadOnlyList<BlinkSweepPoint> BlinkSweep,
    IReadOnlyList<SessionRow> Sessions);

public sealed record SessionRow(string Session, bool Live, int Frames, string PassiveVerdict, string ActiveVerdict, float? Score, bool Blink, float LowestEarRatio, int FramesUsed, int UndecidableFrames);

using AccessGrid.Vision;

namespace AccessGrid.Cli.Evaluation.OpenSet;

/// <summary>Everything `accessgrid eval openset` measured: the split, the door's operating point, how it moves with
/// the gallery size, and the DET curve.</summary>
public sealed record OpenSetReport
{
    public required string Variant { get; init; }
    public required string ImagesDirectory { get; init; }
    public required OpenSetSettings Settings { get; init; }
    public required DecisionThresholds Thresholds { get; init; }
    public required int People { get; init; }
    public required int Images { get; init; }
    public required int ImagesWithoutFace { get; init; }
    public required int GalleryPeople { get; init; }
    public required int Distractors { get; init; }
    public required int ImpostorPeople { get; init; }
    public required int UnenrollablePeople { get; init; }

    /// <summary>The door's operating point at the reported gallery size.</summary>
    public required OperatingPoint Door { get; init; }

    /// <summary>The same rule as distractors join the gallery (the threshold tightens with the size, as at the door).</summary>
    public required IReadOnlyList<OperatingPoint> BySize { get; init; }

    /// <summary>The genuine probes the door granted as someone else (at <see cref="Door"/>).</summary>
    public required IReadOnlyList<WrongPersonGrant> WrongPersonGrants { get; init; }

    /// <summary>The door's thresholds on the held-out half of the people (odd index), beside <see cref="HeldOutCalibrated"/>.</summary>
    public required OperatingPoint DoorHeldOut { get; init; }

    /// <summary>A threshold calibrated on the even-indexed people's probes, reported on the odd-indexed ones.</summary>
    public required OperatingPoint HeldOutCalibrated { get; init; }

    public required IReadOnlyList<DetPoint> Det { get; init; }
    public required double MsPerImage { get; init; }
    public required DateTimeOffset GeneratedAt { get; init; }
}

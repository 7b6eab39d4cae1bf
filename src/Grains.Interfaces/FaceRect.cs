namespace AccessGrid.Grains;

/// <summary>A face box in image pixels.</summary>
[GenerateSerializer, Immutable, Alias("AccessGrid.FaceRect")]
public sealed record FaceRect(
    [property: Id(0)] float X,
    [property: Id(1)] float Y,
    [property: Id(2)] float Width,
    [property: Id(3)] float Height);

namespace AccessGrid.Grains;

/// <summary>Measurements of one face, kept with each template so a poor one can be spotted and replaced.</summary>
/// <param name="DetectionScore">Detector confidence 0..1.</param>
/// <param name="SizePx">Side of the square the aligned chip covers, in image pixels.</param>
/// <param name="Sharpness">Variance of the Laplacian on the grey chip.</param>
/// <param name="Brightness">Mean grey level of the chip, 0..1.</param>
/// <param name="RollDegrees">In-plane rotation.</param>
/// <param name="YawDegrees">Left/right turn.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.TemplateQuality")]
public sealed record TemplateQuality(
    [property: Id(0)] float DetectionScore,
    [property: Id(1)] float SizePx,
    [property: Id(2)] float Sharpness,
    [property: Id(3)] float Brightness,
    [property: Id(4)] float RollDegrees,
    [property: Id(5)] float YawDegrees);

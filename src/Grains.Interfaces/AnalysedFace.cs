namespace AccessGrid.Grains;

/// <summary>The evidence about one face that a door or an enrollment decides on: never pixels, only the encoding and
/// measurements. Further per-face evidence (e.g. a liveness score) is added here as new fields.</summary>
/// <param name="Box">Where the face is, in image pixels.</param>
/// <param name="Embedding">L2-normalised 128-D encoding.</param>
/// <param name="Quality">Detector confidence, size, sharpness, lighting and pose.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.AnalysedFace")]
public sealed record AnalysedFace(
    [property: Id(0)] FaceRect Box,
    [property: Id(1)] float[] Embedding,
    [property: Id(2)] TemplateQuality Quality);

namespace AccessGrid.Grains;

/// <summary>The recognition net that made a silo's templates: its file name and the SHA-256 of the file. Templates
/// from another net are not comparable, so a backup carries it and a restore into another model is refused.</summary>
/// <param name="File">The ONNX file the encoder loads (e.g. face_recognition_int8.onnx).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of that file.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.ModelVersion")]
public sealed record ModelVersion(
    [property: Id(0)] string File,
    [property: Id(1)] string Sha256)
{
    public override string ToString() => $"{File} (sha256 {Sha256[..Math.Min(12, Sha256.Length)]}…)";
}

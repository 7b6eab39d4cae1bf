namespace AccessGrid.Vision;

/// <summary>An aligned 150×150 face: RGB floats 0..255 in NHWC order (the encoder's input as is).</summary>
/// <param name="Pixels">150·150·3 values.</param>
/// <param name="SourceSide">Side, in source-image pixels, of the square the chip covers.</param>
public sealed record FaceChip(float[] Pixels, float SourceSide)
{
    public const int Size = DlibMeanFace.ChipSize;
}

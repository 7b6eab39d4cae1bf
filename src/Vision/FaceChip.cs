namespace AccessGrid.Vision;

/// <summary>An aligned 150×150 face: RGB floats 0..255 in NHWC order (the encoder's input as is).</summary>
/// <param name="Pixels">150·150·3 values.</param>
/// <param name="SourceSide">Side, in source-image pixels, of the square the chip covers.</param>
public sealed record FaceChip(float[] Pixels, float SourceSide)
{
    public const int Size = DlibMeanFace.ChipSize;

    /// <summary>Writes the chip's mirror image (left and right swapped) into <paramref name="destination"/>.</summary>
    public static void Mirror(ReadOnlySpan<float> chip, Span<float> destination)
    {
        const int size = FaceChip.Size;
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < size; x++)
            {
                int s = (y * size + x) * 3, d = (y * size + size - 1 - x) * 3;
                destination[d] = chip[s];
                destination[d + 1] = chip[s + 1];
                destination[d + 2] = chip[s + 2];
            }
        }
    }
}

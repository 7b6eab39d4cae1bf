namespace AccessGrid.Vision;

/// <summary>A small random change of how a chip is cut — dlib's jitter_image: rotation within ±3°, the face 97–99 % of
/// its usual size, shifted by up to 2 % of the chip. Averaging the encodings of a few jittered chips with the plain one
/// makes a template less sensitive to where exactly the landmarks fell (dlib's jittered LFW figure is 0.25 pt above its
/// plain one). Mirroring is not part of it: the encoder already averages every chip with its mirror image.</summary>
/// <param name="RotationDegrees">Rotation of the cut around the chip's centre.</param>
/// <param name="Zoom">How much larger the cut covers than usual (1 / the face's relative size).</param>
/// <param name="ShiftX">Shift of the cut, in chip pixels.</param>
/// <param name="ShiftY">Shift of the cut, in chip pixels.</param>
public readonly record struct ChipJitter(double RotationDegrees, double Zoom, double ShiftX, double ShiftY)
{
    public static ChipJitter Random(Random random) => new(
        RotationDegrees: (random.NextDouble() * 2 - 1) * 3,
        Zoom: 1 / (0.97 + random.NextDouble() * 0.02) * 0.98,
        ShiftX: (random.NextDouble() * 2 - 1) * 0.02 * FaceChip.Size,
        ShiftY: (random.NextDouble() * 2 - 1) * 0.02 * FaceChip.Size);

    /// <summary>Chip coordinates → the jittered chip coordinates to sample at (a similarity around the chip's centre).</summary>
    public SimilarityTransform Transform()
    {
        double angle = RotationDegrees * Math.PI / 180, c = (FaceChip.Size - 1) / 2.0;
        double a = Zoom * Math.Cos(angle), b = Zoom * Math.Sin(angle);
        return new SimilarityTransform(a, b, c - (a * c - b * c) + ShiftX, c - (b * c + a * c) + ShiftY);
    }
}

namespace AccessGrid.Vision;

/// <summary>Cuts dlib-style face chips: fit a similarity transform from the landmarks to
/// <see cref="DlibMeanFace.ChipTemplate"/>, then sample the image bilinearly through its inverse, black outside.</summary>
public static class ChipExtractor
{
    /// <param name="jitter">Cut the chip slightly rotated, zoomed and shifted (enrollment-time augmentation); null: the plain chip.</param>
    public static FaceChip Extract(RgbImage image, ReadOnlySpan<PointF> landmarks, ChipJitter? jitter = null)
    {
        if (landmarks.Length != LandmarkDetector.PointCount)
            throw new ArgumentException($"Need {LandmarkDetector.PointCount} landmarks, got {landmarks.Length}.", nameof(landmarks));
        var from = new PointF[DlibMeanFace.AlignmentPoints.Length];
        for (int i = 0; i < from.Length; i++) from[i] = landmarks[DlibMeanFace.AlignmentPoints[i]];
        var toImage = SimilarityTransform.Fit(from, DlibMeanFace.ChipTemplate).Inverse();
        if (jitter is { } j) toImage = toImage.After(j.Transform());

        // Shrinking a large face by plain bilinear sampling aliases; average k×k samples per chip pixel instead
        // (dlib goes down an image pyramid for the same reason).
        double step = toImage.Scale;
        int k = Math.Clamp((int)Math.Round(step), 1, 4);

        const int size = FaceChip.Size;
        var chip = new float[size * size * 3];
        Span<double> rgb = stackalloc double[3];
        for (int v = 0; v < size; v++)
        {
            for (int u = 0; u < size; u++)
            {
                rgb.Clear();
                for (int sv = 0; sv < k; sv++)
                {
                    for (int su = 0; su < k; su++)
                    {
                        var (x, y) = toImage.Apply(u + (su + 0.5) / k - 0.5, v + (sv + 0.5) / k - 0.5);
                        AddBilinear(image, x, y, rgb);
                    }
                }
                int d = (v * size + u) * 3;
                double norm = 1.0 / (k * k);
                chip[d] = (float)(rgb[0] * norm);
                chip[d + 1] = (float)(rgb[1] * norm);
                chip[d + 2] = (float)(rgb[2] * norm);
            }
        }
        return new FaceChip(chip, (float)(step * size));
    }

    /// <summary>Adds the bilinear sample at (x, y) (pixel centres at integers); nothing outside the image.</summary>
    private static void AddBilinear(RgbImage image, double x, double y, Span<double> rgb)
    {
        if (x < 0 || y < 0 || x > image.Width - 1 || y > image.Height - 1) return;
        int x0 = (int)x, y0 = (int)y;
        int x1 = Math.Min(x0 + 1, image.Width - 1), y1 = Math.Min(y0 + 1, image.Height - 1);
        double fx = x - x0, fy = y - y0;
        var px = image.Pixels;
        int row0 = y0 * image.Width, row1 = y1 * image.Width;
        for (int c = 0; c < 3; c++)
        {
            double top = px[(row0 + x0) * 3 + c] + (px[(row0 + x1) * 3 + c] - px[(row0 + x0) * 3 + c]) * fx;
            double bottom = px[(row1 + x0) * 3 + c] + (px[(row1 + x1) * 3 + c] - px[(row1 + x0) * 3 + c]) * fx;
            rgb[c] += top + (bottom - top) * fy;
        }
    }
}

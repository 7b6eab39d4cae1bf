namespace AccessGrid.Vision;

/// <summary>Measures what an enrolment gate judges: size, sharpness, brightness and pose of one face.</summary>
public static class FaceQualityMeter
{
    /// <param name="chip">The aligned chip (sharpness and brightness are measured on it, so they do not depend on
    /// the resolution of the source image).</param>
    /// <param name="landmarks">68 points in image pixels (pose comes from them).</param>
    public static FaceQuality Measure(FaceChip chip, ReadOnlySpan<PointF> landmarks)
    {
        const int size = FaceChip.Size;
        var grey = new float[size * size];
        double sum = 0;
        for (int i = 0; i < grey.Length; i++)
        {
            grey[i] = 0.299f * chip.Pixels[i * 3] + 0.587f * chip.Pixels[i * 3 + 1] + 0.114f * chip.Pixels[i * 3 + 2];
            sum += grey[i];
        }

        // Variance of the 4-neighbour Laplacian over the interior.
        double lapSum = 0, lapSq = 0;
        int n = 0;
        for (int y = 1; y < size - 1; y++)
        {
            for (int x = 1; x < size - 1; x++)
            {
                int i = y * size + x;
                double lap = grey[i - 1] + grey[i + 1] + grey[i - size] + grey[i + size] - 4 * grey[i];
                lapSum += lap;
                lapSq += lap * lap;
                n++;
            }
        }
        double lapMean = lapSum / n;
        float sharpness = (float)(lapSq / n - lapMean * lapMean);
        float brightness = (float)(sum / grey.Length / 255.0);

        var (roll, yaw) = Pose(landmarks);
        return new FaceQuality(chip.SourceSide, sharpness, brightness, roll, yaw);
    }

    /// <summary>Roll: angle of the line from the image-left eye to the image-right eye (positive = clockwise on
    /// screen). Yaw: how far the nose tip sits from the eyes' midpoint along that line, in half inter-ocular
    /// distances, read as tan(yaw) (a nose tip about as far in front of the eyes as they are apart from the
    /// midline); positive = nose towards the image's right. A rough estimate, good for "frontal or not".</summary>
    public static (float RollDegrees, float YawDegrees) Pose(ReadOnlySpan<PointF> landmarks)
    {
        var left = Mean(landmarks[36..42]);
        var right = Mean(landmarks[42..48]);
        var nose = landmarks[30];
        double dx = right.X - left.X, dy = right.Y - left.Y;
        double eyeDistance = Math.Sqrt(dx * dx + dy * dy);
        if (eyeDistance < 1e-6) return (0, 0);
        double roll = Math.Atan2(dy, dx);
        double midX = (left.X + right.X) / 2, midY = (left.Y + right.Y) / 2;
        double along = ((nose.X - midX) * dx + (nose.Y - midY) * dy) / eyeDistance;
        double yaw = Math.Atan(along / (eyeDistance / 2));
        return ((float)(roll * 180 / Math.PI), (float)(yaw * 180 / Math.PI));
    }

    private static PointF Mean(ReadOnlySpan<PointF> points)
    {
        float x = 0, y = 0;
        foreach (var p in points) { x += p.X; y += p.Y; }
        return new PointF(x / points.Length, y / points.Length);
    }
}

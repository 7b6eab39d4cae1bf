namespace AccessGrid.Vision;

/// <summary>Builds network inputs exactly as face-api's NetInput.toBatchTensor: pad to square with zeros, then
/// tf.image.resizeBilinear with alignCorners = false and halfPixelCenters = false ("asymmetric": output pixel i
/// samples input position i · in/out). Values stay RGB 0..255; the graphs subtract the mean themselves.</summary>
public static class TensorPrep
{
    /// <summary>Writes the <paramref name="size"/>² × 3 NHWC tensor of <paramref name="window"/> into
    /// <paramref name="destination"/>.</summary>
    public static void ResizeBilinear(RgbImage image, SquareWindow window, int size, Span<float> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        if (destination.Length < size * size * 3)
            throw new ArgumentException($"Destination holds {destination.Length} floats; {size * size * 3} needed.", nameof(destination));

        // Per output column / row: byte offsets of the two source neighbours (-1 = padding zero) and the fraction.
        var (col0, col1, colFrac) = Axis(window.Side, size, window.PadLeft, window.Crop.X, window.Crop.Width, 3);
        var (row0, row1, rowFrac) = Axis(window.Side, size, window.PadTop, window.Crop.Y, window.Crop.Height, image.Width * 3);
        var px = image.Pixels;

        for (int r = 0; r < size; r++)
        {
            int top = row0[r], bottom = row1[r];
            double fy = rowFrac[r];
            var dstRow = destination.Slice(r * size * 3, size * 3);
            for (int c = 0; c < size; c++)
            {
                int left = col0[c], right = col1[c];
                double fx = colFrac[c];
                for (int ch = 0; ch < 3; ch++)
                {
                    double tl = Sample(px, top, left, ch), tr = Sample(px, top, right, ch);
                    double bl = Sample(px, bottom, left, ch), br = Sample(px, bottom, right, ch);
                    double t = tl + (tr - tl) * fx;
                    double b = bl + (br - bl) * fx;
                    dstRow[c * 3 + ch] = (float)(t + (b - t) * fy);
                }
            }
        }
    }

    private static double Sample(byte[] px, int row, int col, int ch) =>
        row < 0 || col < 0 ? 0 : px[row + col + ch];

    // tfjs-backend-cpu ResizeBilinear for one axis, mapped through the padding onto byte offsets of the crop.
    private static (int[] Lo, int[] Hi, double[] Frac) Axis(int inSize, int outSize, int pad, int cropStart, int cropLength, int stride)
    {
        var lo = new int[outSize];
        var hi = new int[outSize];
        var frac = new double[outSize];
        double ratio = (double)inSize / outSize;
        for (int i = 0; i < outSize; i++)
        {
            double src = ratio * i;
            int floor = Math.Max(0, (int)Math.Floor(src));
            int ceil = Math.Min(inSize - 1, (int)Math.Ceiling(src));
            frac[i] = src - floor;
            lo[i] = Offset(floor);
            hi[i] = Offset(ceil);
        }
        return (lo, hi, frac);

        int Offset(int squareIndex)
        {
            int k = squareIndex - pad;
            return k < 0 || k >= cropLength ? -1 : (cropStart + k) * stride;
        }
    }
}

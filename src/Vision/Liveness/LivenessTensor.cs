namespace AccessGrid.Vision.Liveness;

/// <summary>The MiniFASNet input: the context crop resized to <see cref="Side"/>² with OpenCV's bilinear
/// (half-pixel centres, as cv2.resize), planar channels in <b>B, G, R</b> order, raw 0..255. The npm package's own
/// JavaScript feeds R, G, B, which throws away most of the model's accuracy (shared/notes/liveness.md).</summary>
public static class LivenessTensor
{
    public const int Side = 128;

    public static float[] Build(RgbImage image, PixelRect crop)
    {
        if (crop.X < 0 || crop.Y < 0 || crop.Width <= 0 || crop.Height <= 0
            || crop.X + crop.Width > image.Width || crop.Y + crop.Height > image.Height)
            throw new ArgumentOutOfRangeException(nameof(crop), crop, $"The crop must lie inside the {image.Width}x{image.Height} image.");

        var (x0, x1, fx) = Axis(crop.X, crop.Width);
        var (y0, y1, fy) = Axis(crop.Y, crop.Height);
        var tensor = new float[3 * Side * Side];
        var px = image.Pixels;
        int plane = Side * Side, stride = image.Width * 3;
        for (int r = 0; r < Side; r++)
        {
            int top = y0[r] * stride, bottom = y1[r] * stride;
            float wy = fy[r];
            for (int c = 0; c < Side; c++)
            {
                int left = x0[c] * 3, right = x1[c] * 3;
                float wx = fx[c];
                for (int ch = 0; ch < 3; ch++)
                {
                    float t = px[top + left + ch] + (px[top + right + ch] - px[top + left + ch]) * wx;
                    float b = px[bottom + left + ch] + (px[bottom + right + ch] - px[bottom + left + ch]) * wx;
                    // RGB pixel channel ch goes to plane 2 - ch: B first.
                    tensor[(2 - ch) * plane + r * Side + c] = t + (b - t) * wy;
                }
            }
        }
        return tensor;
    }

    // cv2.resize INTER_LINEAR along one axis: source = (i + 0.5) · in/out − 0.5, clamped to the crop.
    private static (int[] Lo, int[] Hi, float[] Frac) Axis(int start, int length)
    {
        var lo = new int[Side];
        var hi = new int[Side];
        var frac = new float[Side];
        double ratio = (double)length / Side;
        for (int i = 0; i < Side; i++)
        {
            double src = Math.Max(0, (i + 0.5) * ratio - 0.5);
            int floor = Math.Min((int)src, length - 1);
            lo[i] = start + floor;
            hi[i] = start + Math.Min(floor + 1, length - 1);
            frac[i] = (float)(src - floor);
        }
        return (lo, hi, frac);
    }
}

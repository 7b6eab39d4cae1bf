namespace AccessGrid.Vision;

/// <summary>Decoded pixels: 8-bit RGB, row-major, no padding between rows.</summary>
public sealed class RgbImage
{
    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (pixels.Length != (long)width * height * 3)
            throw new ArgumentException($"Expected {(long)width * height * 3} bytes for {width}x{height} RGB, got {pixels.Length}.", nameof(pixels));
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    public int Width { get; }
    public int Height { get; }

    /// <summary>R, G, B bytes of pixel (x, y) start at (y * Width + x) * 3.</summary>
    public byte[] Pixels { get; }

    /// <summary>A copy with the pixels outside the original replicated by <paramref name="margin"/> on every side.
    /// Used to give the detector context around tightly framed faces.</summary>
    public RgbImage PadReplicated(int marginX, int marginY)
    {
        int w = Width + 2 * marginX, h = Height + 2 * marginY;
        var dst = new byte[w * h * 3];
        for (int y = 0; y < h; y++)
        {
            int sy = Math.Clamp(y - marginY, 0, Height - 1);
            for (int x = 0; x < w; x++)
            {
                int sx = Math.Clamp(x - marginX, 0, Width - 1);
                int s = (sy * Width + sx) * 3, d = (y * w + x) * 3;
                dst[d] = Pixels[s];
                dst[d + 1] = Pixels[s + 1];
                dst[d + 2] = Pixels[s + 2];
            }
        }
        return new RgbImage(w, h, dst);
    }
}

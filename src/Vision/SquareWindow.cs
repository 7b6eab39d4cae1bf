namespace AccessGrid.Vision;

/// <summary>A crop of an image placed inside a square of zeros, as face-api's padToSquare builds its network
/// inputs: the crop starts at (<see cref="PadLeft"/>, <see cref="PadTop"/>) of a <see cref="Side"/>² square.</summary>
public readonly record struct SquareWindow(PixelRect Crop, int PadLeft, int PadTop)
{
    public int Side => Math.Max(Crop.Width, Crop.Height);

    /// <summary>The detector's input: the whole image, zeros added at the bottom or right only.</summary>
    public static SquareWindow PadBottomRight(int width, int height) => new(new PixelRect(0, 0, width, height), 0, 0);

    /// <summary>The landmark/recognition input: zeros on both sides of the shorter axis. face-api appends
    /// Math.round(diff / 2) zeros and prepends the rest; JavaScript rounds .5 up, hence Floor(x + 0.5)
    /// (Math.Round would round to even and shift odd crops by a pixel).</summary>
    public static SquareWindow Centered(PixelRect crop)
    {
        int diff = Math.Abs(crop.Width - crop.Height);
        int before = diff - (int)Math.Floor(diff / 2.0 + 0.5);
        return crop.Height > crop.Width ? new(crop, before, 0) : new(crop, 0, before);
    }

    /// <summary>Maps a point in square pixels back to image pixels.</summary>
    public PointF ToImage(float squareX, float squareY) =>
        new(squareX - PadLeft + Crop.X, squareY - PadTop + Crop.Y);
}

namespace AccessGrid.Vision;

/// <summary>An integer pixel rectangle inside an image.</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    /// <summary>face-api's Box.clipAtImageBorders: clip the box to the image, then floor x, y, width and height.
    /// Never empty: a sliver is widened to one pixel so the crop stays valid.</summary>
    public static PixelRect ClipFloor(FaceBox box, int imageWidth, int imageHeight)
    {
        float x = MathF.Max(box.X, 0), y = MathF.Max(box.Y, 0);
        float w = MathF.Min(box.X + box.Width - x, imageWidth - x);
        float h = MathF.Min(box.Y + box.Height - y, imageHeight - y);
        int ix = Math.Min((int)MathF.Floor(x), imageWidth - 1), iy = Math.Min((int)MathF.Floor(y), imageHeight - 1);
        int iw = Math.Clamp((int)MathF.Floor(w), 1, imageWidth - ix), ih = Math.Clamp((int)MathF.Floor(h), 1, imageHeight - iy);
        return new PixelRect(ix, iy, iw, ih);
    }
}

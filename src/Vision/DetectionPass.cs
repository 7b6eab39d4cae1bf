namespace AccessGrid.Vision;

/// <summary>One detection pass over an image: where its faces were found. <see cref="Frame"/> is the image the detector succeeded on:
/// the original, or a padded copy whose original pixels start at (<see cref="OffsetX"/>, <see cref="OffsetY"/>).</summary>
/// <param name="Faces">Accepted detections, boxes in frame pixels.</param>
/// <param name="OnlyTooSmall">Nothing accepted, but faces below the minimum size were seen.</param>
public sealed record DetectionPass(RgbImage Frame, int OffsetX, int OffsetY, IReadOnlyList<Detection> Faces, bool OnlyTooSmall)
{
    /// <summary>A frame box in original-image pixels, clipped to the original image.</summary>
    public FaceBox ToOriginal(FaceBox frameBox, int width, int height)
    {
        float x0 = Math.Clamp(frameBox.X - OffsetX, 0, width), y0 = Math.Clamp(frameBox.Y - OffsetY, 0, height);
        float x1 = Math.Clamp(frameBox.X + frameBox.Width - OffsetX, 0, width);
        float y1 = Math.Clamp(frameBox.Y + frameBox.Height - OffsetY, 0, height);
        return new FaceBox(x0, y0, x1 - x0, y1 - y0);
    }

    public PointF ToOriginal(PointF framePoint) => new(framePoint.X - OffsetX, framePoint.Y - OffsetY);
}

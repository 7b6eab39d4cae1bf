namespace AccessGrid.Vision.Liveness;

/// <summary>The region the passive liveness model looks at: the face box grown by the context scale around its
/// centre (width and height each), shrunk to fit the frame, then shifted inside it — Silent-Face's CropImage.</summary>
/// <param name="Rect">Pixels to read, inclusive of its last row and column as in Silent-Face.</param>
/// <param name="Coverage">Share of the wanted context (the box × scale, centred on the face) that lies inside the
/// frame: 1 when it all fits. Below <see cref="LivenessOptions.MinContextCoverage"/> the context is mostly outside
/// the frame and the face is undecidable (the crop would show the model a different scene than it was trained on).</param>
public readonly record struct ContextCrop(PixelRect Rect, float Coverage)
{
    public static ContextCrop Compute(FaceBox box, int imageWidth, int imageHeight, float contextScale)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageWidth);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageHeight);
        float boxW = MathF.Max(box.Width, 1), boxH = MathF.Max(box.Height, 1);
        float wantedW = boxW * contextScale, wantedH = boxH * contextScale;
        float insideW = MathF.Min(box.CenterX + wantedW / 2, imageWidth) - MathF.Max(box.CenterX - wantedW / 2, 0);
        float insideH = MathF.Min(box.CenterY + wantedH / 2, imageHeight) - MathF.Max(box.CenterY - wantedH / 2, 0);
        float coverage = MathF.Max(0, insideW) * MathF.Max(0, insideH) / (wantedW * wantedH);

        float scale = MathF.Min(contextScale, MathF.Min((imageHeight - 1) / boxH, (imageWidth - 1) / boxW));
        float w = boxW * scale, h = boxH * scale;
        float left = box.CenterX - w / 2, top = box.CenterY - h / 2, right = left + w, bottom = top + h;

        // Shift inside the frame rather than cut: the model was trained on full-size context crops.
        if (left < 0) { right -= left; left = 0; }
        if (top < 0) { bottom -= top; top = 0; }
        if (right > imageWidth - 1) { left -= right - imageWidth + 1; right = imageWidth - 1; }
        if (bottom > imageHeight - 1) { top -= bottom - imageHeight + 1; bottom = imageHeight - 1; }

        int x0 = Math.Max(0, (int)left), y0 = Math.Max(0, (int)top);
        int x1 = Math.Clamp((int)right, x0, imageWidth - 1), y1 = Math.Clamp((int)bottom, y0, imageHeight - 1);
        return new ContextCrop(new PixelRect(x0, y0, x1 - x0 + 1, y1 - y0 + 1), coverage);
    }
}

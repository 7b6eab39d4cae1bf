namespace AccessGrid.Vision;

/// <summary>face-api's 68-point landmark net (face_landmark_68.onnx): input [N, 112, 112, 3] RGB 0..255 of the
/// detection crop padded to a centred square; output [N, 136] = 68 (x, y) in 0..1 of that square.</summary>
public sealed class LandmarkDetector(OnnxModel model)
{
    public const string InputName = "input";
    public const string OutputName = "landmarks";
    public const int InputSize = 112;
    public const int PointCount = 68;

    /// <summary>68 points per box, in image pixels; all boxes go through the network in one batch.</summary>
    public PointF[][] Detect(RgbImage image, IReadOnlyList<FaceBox> boxes)
    {
        if (boxes.Count == 0) return [];
        const int perImage = InputSize * InputSize * 3;
        var windows = new SquareWindow[boxes.Count];
        var input = new float[boxes.Count * perImage];
        for (int i = 0; i < boxes.Count; i++)
        {
            // The crop and the mapping back share one clipped origin (face-api shifts by the unclipped one).
            windows[i] = SquareWindow.Centered(PixelRect.ClipFloor(boxes[i], image.Width, image.Height));
            TensorPrep.ResizeBilinear(image, windows[i], InputSize, input.AsSpan(i * perImage, perImage));
        }

        var (output, _) = model.Run(input, [boxes.Count, InputSize, InputSize, 3]);
        if (output.Length != boxes.Count * PointCount * 2)
            throw new InvalidDataException($"{model.FileName} returned {output.Length} values for {boxes.Count} faces.");

        var result = new PointF[boxes.Count][];
        for (int i = 0; i < boxes.Count; i++)
        {
            var side = windows[i].Side;
            var points = new PointF[PointCount];
            for (int p = 0; p < PointCount; p++)
            {
                int o = (i * PointCount + p) * 2;
                points[p] = windows[i].ToImage(output[o] * side, output[o + 1] * side);
            }
            result[i] = points;
        }
        return result;
    }
}

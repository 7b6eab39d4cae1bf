namespace AccessGrid.Vision;

/// <summary>face-api's tiny face detector (tiny_face_detector.onnx): input [1, S, S, 3] RGB 0..255 with S a
/// multiple of 32, output the raw YOLOv2 head [1, S/32, S/32, 25].</summary>
public sealed class TinyFaceDetector(OnnxModel model)
{
    public const string InputName = "input";
    public const string OutputName = "head";

    /// <summary>Faces in <paramref name="image"/> at detector input <paramref name="inputSize"/>, after NMS, best
    /// score first; boxes in image pixels, not clipped.</summary>
    public List<Detection> Detect(RgbImage image, int inputSize, float minScore, float iouThreshold)
    {
        if (inputSize <= 0 || inputSize % TinyYoloHead.CellSize != 0)
            throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, "Detector size must be a positive multiple of 32.");
        var window = SquareWindow.PadBottomRight(image.Width, image.Height);
        var input = new float[inputSize * inputSize * 3];
        TensorPrep.ResizeBilinear(image, window, inputSize, input);
        var (head, shape) = model.Run(input, [1, inputSize, inputSize, 3]);
        int cells = (int)shape[1];
        var raw = TinyYoloHead.Decode(head, cells, minScore, window.Side);
        return NonMaxSuppression.Apply(raw, iouThreshold);
    }
}

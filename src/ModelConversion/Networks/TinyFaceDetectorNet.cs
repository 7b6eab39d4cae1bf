using AccessGrid.ModelConversion.Onnx;
using AccessGrid.ModelConversion.Tfjs;

namespace AccessGrid.ModelConversion.Networks;

/// <summary>face-api's TinyFaceDetector (tiny-YOLOv2 with separable convs) as an ONNX graph:
/// "input" [1,H,W,3] RGB 0..255, H and W multiples of 32 → "head" [1,H/32,W/32,25] raw, NHWC
/// (per cell 5 anchors × (x, y, w, h, score), before sigmoid/exp).</summary>
public static class TinyFaceDetectorNet
{
    public static readonly float[] MeanRgb = [117.001f, 114.697f, 97.404f];

    /// <summary>tfjs leaky(): relu(x − 0.1x) + 0.1x with the float32 0.1; one LeakyRelu op is equivalent and faster.</summary>
    private const float LeakySlope = 0.1f;

    public static GraphProto Build(TfjsWeights weights)
    {
        var net = new LayerBuilder("tiny_face_detector", weights);
        var g = net.Graph;
        var x = net.NormalizedInput("input", [1, "height", "width", 3], MeanRgb);

        // conv0 is 'valid' (416 → 414); the others pad 1 then run 'valid'; pools are 'same' (207 → 104).
        x = g.LeakyRelu(net.Conv(x, "conv0/filters", "conv0/bias", 3, 3, 16, 1, Padding.Valid), LeakySlope);
        x = g.MaxPool(x, 2, 2, Padding.Same);

        int[] channels = [16, 32, 64, 128, 256, 512];
        for (var i = 1; i <= 5; i++)
        {
            x = g.LeakyRelu(net.SeparableConv(x, $"conv{i}", channels[i - 1], channels[i], 1, Padding.Symmetric(1)), LeakySlope);
            x = g.MaxPool(x, 2, i < 5 ? 2 : 1, Padding.Same);
        }

        var head = net.Conv(x, "conv8/filters", "conv8/bias", 1, 512, 25, 1, Padding.Valid);
        g.Transpose(head, [0, 2, 3, 1], name: "head");
        g.Output("head", OnnxDataType.Float, 1, "grid_height", "grid_width", 25);
        return net.Build();
    }
}

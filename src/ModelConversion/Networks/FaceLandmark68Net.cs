using AccessGrid.ModelConversion.Onnx;
using AccessGrid.ModelConversion.Tfjs;

namespace AccessGrid.ModelConversion.Networks;

/// <summary>face-api's FaceLandmark68Net (four dense blocks + fc) as an ONNX graph:
/// "input" [N,112,112,3] RGB 0..255 → "landmarks" [N,136] = 68 (x, y) in 0..1 of the crop (before postProcess).</summary>
public static class FaceLandmark68Net
{
    public const int InputSize = 112;
    public static readonly float[] MeanRgb = [122.782f, 117.001f, 104.298f];

    public static GraphProto Build(TfjsWeights weights)
    {
        var net = new LayerBuilder("face_landmark_68", weights);
        var g = net.Graph;
        var x = net.NormalizedInput("input", ["batch", InputSize, InputSize, 3], MeanRgb);

        x = DenseBlock(net, x, "dense0", 3, 32, isFirst: true);
        x = DenseBlock(net, x, "dense1", 32, 64, isFirst: false);
        x = DenseBlock(net, x, "dense2", 64, 128, isFirst: false);
        x = DenseBlock(net, x, "dense3", 128, 256, isFirst: false);
        x = g.AveragePool(x, 7, 2, Padding.Valid);

        var features = g.Flatten(x);
        var fc = g.MatMul(features, net.Matrix("fc/weights", 256, 136));
        g.Add(fc, net.Vector("fc/bias", 136), name: "landmarks");
        g.Output("landmarks", OnnxDataType.Float, "batch", 136);
        return net.Build();
    }

    /// <summary>denseBlock4: a stride-2 'same' entry conv, then three separable convs each fed the ReLU of the sum of
    /// all previous outputs. The sums keep face-api's nesting (out1 + (out2 + (out3 + out4))) for identical rounding.</summary>
    private static string DenseBlock(LayerBuilder net, string x, string prefix, int channelsIn, int channelsOut, bool isFirst)
    {
        var g = net.Graph;
        var entry = isFirst
            ? net.Conv(x, $"{prefix}/conv0/filters", $"{prefix}/conv0/bias", 3, channelsIn, channelsOut, 2, Padding.Same)
            : net.SeparableConv(x, $"{prefix}/conv0", channelsIn, channelsOut, 2, Padding.Same);
        var out1 = g.Relu(entry);
        var out2 = net.SeparableConv(out1, $"{prefix}/conv1", channelsOut, channelsOut, 1, Padding.Same);
        var in3 = g.Relu(g.Add(out1, out2));
        var out3 = net.SeparableConv(in3, $"{prefix}/conv2", channelsOut, channelsOut, 1, Padding.Same);
        var in4 = g.Relu(g.Add(out1, g.Add(out2, out3)));
        var out4 = net.SeparableConv(in4, $"{prefix}/conv3", channelsOut, channelsOut, 1, Padding.Same);
        return g.Relu(g.Add(out1, g.Add(out2, g.Add(out3, out4))));
    }
}

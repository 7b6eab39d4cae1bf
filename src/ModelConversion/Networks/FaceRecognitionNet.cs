using AccessGrid.ModelConversion.Onnx;
using AccessGrid.ModelConversion.Tfjs;

namespace AccessGrid.ModelConversion.Networks;

/// <summary>face-api's FaceRecognitionNet (dlib's ResNet-34-like encoder) as an ONNX graph:
/// "input" [N,150,150,3] RGB 0..255 → "embedding" [N,128], raw (not L2-normalised).</summary>
public static class FaceRecognitionNet
{
    public const int InputSize = 150;
    public static readonly float[] MeanRgb = [122.782f, 117.001f, 104.298f];

    /// <summary>The float graph: every layer as face-api computes it.</summary>
    public static GraphProto Build(TfjsWeights weights) => Build(weights, new FloatConvLayers());

    /// <summary>The same network with its conv layers written by <paramref name="convs"/> (float, int8, calibration).</summary>
    internal static GraphProto Build(TfjsWeights weights, IConvLayers convs)
    {
        var net = new LayerBuilder("face_recognition", weights);
        var g = net.Graph;
        var x = net.NormalizedInput("input", ["batch", InputSize, InputSize, 3], MeanRgb);
        var size = InputSize;

        // conv32_down and the max pool are 'valid': 150 → 72 → 35.
        x = convs.Write(net, x, "conv32_down", 7, 3, 32, 2, Padding.Valid, relu: true);
        size = (size - 7) / 2 + 1;
        x = g.MaxPool(x, 3, 2, Padding.Valid);
        size = (size - 3) / 2 + 1;

        x = Residual(net, convs, x, "conv32_1", 32);
        x = Residual(net, convs, x, "conv32_2", 32);
        x = Residual(net, convs, x, "conv32_3", 32);

        (x, size) = ResidualDown(net, convs, x, size, "conv64_down", 32, 64);
        x = Residual(net, convs, x, "conv64_1", 64);
        x = Residual(net, convs, x, "conv64_2", 64);
        x = Residual(net, convs, x, "conv64_3", 64);

        (x, size) = ResidualDown(net, convs, x, size, "conv128_down", 64, 128);
        x = Residual(net, convs, x, "conv128_1", 128);
        x = Residual(net, convs, x, "conv128_2", 128);

        (x, size) = ResidualDown(net, convs, x, size, "conv256_down", 128, 256);
        x = Residual(net, convs, x, "conv256_1", 256);
        x = Residual(net, convs, x, "conv256_2", 256);
        (x, _) = ResidualDown(net, convs, x, size, "conv256_down_out", 256, 256);

        var pooled = g.ReduceMean(x, [2, 3], keepDims: false);
        // fc is stored [256,128] and used as matMul(x, fc): no transpose.
        g.MatMul(pooled, net.Matrix("fc", 256, 128), name: "embedding");
        g.Output("embedding", OnnxDataType.Float, "batch", 128);
        convs.Finish(g);
        return net.Build();
    }

    private static string Residual(LayerBuilder net, IConvLayers convs, string x, string prefix, int channels)
    {
        var g = net.Graph;
        var output = convs.Write(net, x, $"{prefix}/conv1", 3, channels, channels, 1, Padding.Same, relu: true);
        output = convs.Write(net, output, $"{prefix}/conv2", 3, channels, channels, 1, Padding.Same, relu: false);
        return g.Relu(g.Add(output, x));
    }

    /// <summary>Stride-2 block whose shortcut is a 2×2/2 average pool of the input. When the conv branch comes out
    /// one pixel smaller (odd sizes) it gets a zero row at the bottom and a zero column at the right; when channels
    /// grow, the shortcut gets zero channels appended after its real ones — both exactly as face-api does.</summary>
    private static (string Output, int Size) ResidualDown(LayerBuilder net, IConvLayers convs, string x, int size, string prefix,
        int channelsIn, int channelsOut)
    {
        var g = net.Graph;
        var output = convs.Write(net, x, $"{prefix}/conv1", 3, channelsIn, channelsOut, 2, Padding.Valid, relu: true);
        output = convs.Write(net, output, $"{prefix}/conv2", 3, channelsOut, channelsOut, 1, Padding.Same, relu: false);
        var convSize = (size - 3) / 2 + 1;
        var pooledSize = size / 2;

        var shortcut = g.AveragePool(x, 2, 2, Padding.Valid);
        if (convSize != pooledSize)
        {
            if (pooledSize != convSize + 1) throw new InvalidOperationException($"{prefix}: cannot reconcile {convSize} with {pooledSize}");
            output = g.Pad(output, [0, 0, 0, 0, 0, 0, 1, 1]);
        }
        if (channelsOut != channelsIn)
            shortcut = g.Pad(shortcut, [0, 0, 0, 0, 0, channelsOut - channelsIn, 0, 0]);

        return (g.Relu(g.Add(shortcut, output)), pooledSize);
    }
}

using AccessGrid.ModelConversion.Onnx;
using AccessGrid.ModelConversion.Tfjs;

namespace AccessGrid.ModelConversion.Networks;

/// <summary>The building blocks face-api's nets share, expressed as ONNX ops over NCHW values,
/// with weights taken from tfjs tensors (shape-checked) and re-laid-out for ONNX.</summary>
internal sealed class LayerBuilder(string graphName, TfjsWeights weights)
{
    private readonly HashSet<string> used = [];

    public OnnxGraphBuilder Graph { get; } = new(graphName);

    /// <summary>NHWC RGB 0..255 in; NCHW, then (x − mean) / 255 as face-api's normalize().div(255). Transposing
    /// first is what makes this cheap: ONNX Runtime broadcasts a [3,1,1] mean over whole planes, whereas a [3] mean
    /// over NHWC's interleaved channels ran element by element (a quarter of the detector's time at 320).</summary>
    public string NormalizedInput(string name, TensorDim[] nhwcShape, float[] meanRgb)
    {
        var input = Graph.Input(name, OnnxDataType.Float, nhwcShape);
        var mean = Graph.Initializer($"{graphName}/mean_rgb", [3, 1, 1], meanRgb);
        var scale = Graph.Initializer($"{graphName}/255", [], [255f]);
        return Graph.Div(Graph.Sub(Graph.Transpose(input, [0, 3, 1, 2]), mean), scale);
    }

    /// <summary>A dense conv from HWIO filters; bias optional.</summary>
    public string Conv(string x, string filters, string? bias, int kernel, int channelsIn, int channelsOut, int stride, Padding padding, string? name = null)
    {
        var w = Take(filters, kernel, kernel, channelsIn, channelsOut);
        var onnxWeights = Graph.Initializer(filters, [channelsOut, channelsIn, kernel, kernel], TfjsLayout.HwioToOihw(w));
        var onnxBias = bias is null ? null : Vector(bias, channelsOut);
        return Graph.Conv(x, onnxWeights, onnxBias, [kernel, kernel], stride, padding, name: name);
    }

    /// <summary>Dense conv filters from HWIO, re-laid-out as OIHW values (for graphs that transform them first).</summary>
    public float[] ConvFilterValues(string filters, int kernel, int channelsIn, int channelsOut) =>
        TfjsLayout.HwioToOihw(Take(filters, kernel, kernel, channelsIn, channelsOut));

    /// <summary>The values of a 1-D tensor of length n.</summary>
    public float[] Values(string name, int length) => Take(name, length).Values;

    /// <summary>tfjs separableConv2d (3×3 depthwise carrying the stride, then 1×1 pointwise) + bias.</summary>
    public string SeparableConv(string x, string prefix, int channelsIn, int channelsOut, int stride, Padding padding)
    {
        var depthwise = Take($"{prefix}/depthwise_filter", 3, 3, channelsIn, 1);
        var depthwiseWeights = Graph.Initializer(depthwise.Name, [channelsIn, 1, 3, 3], TfjsLayout.DepthwiseToOihw(depthwise));
        var spatial = Graph.Conv(x, depthwiseWeights, null, [3, 3], stride, padding, group: channelsIn);
        return Conv(spatial, $"{prefix}/pointwise_filter", $"{prefix}/bias", 1, channelsIn, channelsOut, 1, Padding.Valid);
    }

    /// <summary>A 1-D tensor of length n, as-is (for Conv's bias input).</summary>
    public string Vector(string name, int length) =>
        Graph.Initializer(name, [length], Take(name, length).Values);

    /// <summary>A per-channel vector shaped [C,1,1] so it broadcasts over NCHW.</summary>
    public string ChannelVector(string name, int channels) =>
        Graph.Initializer(name, [channels, 1, 1], Take(name, channels).Values);

    /// <summary>A 2-D matrix kept in tfjs layout [in, out]: used as MatMul(x, m) with no transpose.</summary>
    public string Matrix(string name, int rows, int columns) =>
        Graph.Initializer(name, [rows, columns], Take(name, rows, columns).Values);

    /// <summary>Every tfjs tensor must end up in the graph; a leftover means the net definition is wrong.</summary>
    public GraphProto Build()
    {
        var unused = weights.Tensors.Select(t => t.Name).Where(n => !used.Contains(n)).ToArray();
        if (unused.Length > 0) throw new WeightsFormatException($"{graphName}: weights not used by the network: {string.Join(", ", unused)}");
        return Graph.Build();
    }

    private TfjsTensor Take(string name, params int[] shape)
    {
        used.Add(name);
        return weights.Get(name, shape);
    }
}

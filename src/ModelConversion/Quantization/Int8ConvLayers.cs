using AccessGrid.ModelConversion.Networks;
using AccessGrid.ModelConversion.Onnx;

namespace AccessGrid.ModelConversion.Quantization;

/// <summary>The recognition net's conv layers as a static QDQ graph that ONNX Runtime fuses into int8 QLinearConv:
/// dlib's scale layer is folded into the filters and bias, filters are int8 symmetric per output channel, activations
/// uint8 with ranges calibrated on real face chips, the bias int32 at input scale × filter scale. Each layer's input
/// and output pass through QuantizeLinear → DequantizeLinear; residual adds, pools and the final dense layer stay
/// float. Without <see cref="ActivationRanges"/> it writes the calibration graph instead: the same folded float
/// layers, plus the minimum and maximum of every tensor that will be quantised as extra scalar outputs.</summary>
internal sealed class Int8ConvLayers(ActivationRanges? ranges) : IConvLayers
{
    /// <summary>Suffixes of the calibration outputs: "{tensor}:min", "{tensor}:max".</summary>
    public const string MinSuffix = ":min", MaxSuffix = ":max";

    private readonly List<(string Key, string Value)> observed = [];

    // Values that are already the DequantizeLinear of a quantised tensor, with its scale: the next conv reads them
    // as they are instead of quantising twice.
    private readonly Dictionary<string, float> dequantised = [];

    public string Write(LayerBuilder net, string x, string prefix, int kernel, int channelsIn, int channelsOut, int stride,
        Padding padding, bool relu)
    {
        var g = net.Graph;
        var (filters, bias) = Fold(net, prefix, kernel, channelsIn, channelsOut);
        long[] filterDims = [channelsOut, channelsIn, kernel, kernel];
        string conv;
        if (ranges is null)
        {
            Observe($"{prefix}/input", x);
            conv = g.Conv(x, g.Initializer($"{prefix}/filters", filterDims, filters),
                g.Initializer($"{prefix}/bias", [channelsOut], bias), [kernel, kernel], stride, padding);
        }
        else
        {
            var (input, inputScale) = Quantised(g, x, $"{prefix}/input");
            var (weights, weightScales) = QuantiseFilters(filters, channelsOut);
            var w = g.DequantizeLinear(
                g.Initializer<sbyte>($"{prefix}/filters_int8", OnnxDataType.Int8, filterDims, weights),
                g.Initializer($"{prefix}/filters_scale", [channelsOut], weightScales),
                g.Initializer<sbyte>($"{prefix}/filters_zero", OnnxDataType.Int8, [channelsOut], new sbyte[channelsOut]), axis: 0);
            var biasScales = weightScales.Select(s => s * inputScale).ToArray();
            var biasValues = bias.Select((b, o) => (int)Math.Clamp(Math.Round(b / biasScales[o]), int.MinValue, int.MaxValue)).ToArray();
            var b = g.DequantizeLinear(
                g.Initializer<int>($"{prefix}/bias_int32", OnnxDataType.Int32, [channelsOut], biasValues),
                g.Initializer($"{prefix}/bias_scale", [channelsOut], biasScales),
                g.Initializer<int>($"{prefix}/bias_zero", OnnxDataType.Int32, [channelsOut], new int[channelsOut]), axis: 0);
            conv = g.Conv(input, w, b, [kernel, kernel], stride, padding);
        }

        var output = relu ? g.Relu(conv) : conv;
        if (ranges is null)
        {
            Observe($"{prefix}/output", output);
            return output;
        }
        return Quantised(g, output, $"{prefix}/output").Value;
    }

    public void Finish(OnnxGraphBuilder graph)
    {
        foreach (var (key, value) in observed)
        {
            graph.ReduceMin(value, name: key + MinSuffix);
            graph.Output(key + MinSuffix, OnnxDataType.Float);
            graph.ReduceMax(value, name: key + MaxSuffix);
            graph.Output(key + MaxSuffix, OnnxDataType.Float);
        }
    }

    /// <summary>(conv + b) · s + β = conv(W · s) + (b · s + β), per output channel.</summary>
    private static (float[] Filters, float[] Bias) Fold(LayerBuilder net, string prefix, int kernel, int channelsIn, int channelsOut)
    {
        var filters = net.ConvFilterValues($"{prefix}/conv/filters", kernel, channelsIn, channelsOut);
        var bias = net.Values($"{prefix}/conv/bias", channelsOut);
        var scale = net.Values($"{prefix}/scale/weights", channelsOut);
        var shift = net.Values($"{prefix}/scale/biases", channelsOut);
        var perChannel = filters.Length / channelsOut;
        var folded = new float[filters.Length];
        var foldedBias = new float[channelsOut];
        for (var o = 0; o < channelsOut; o++)
        {
            for (var i = 0; i < perChannel; i++) folded[o * perChannel + i] = filters[o * perChannel + i] * scale[o];
            foldedBias[o] = bias[o] * scale[o] + shift[o];
        }
        return (folded, foldedBias);
    }

    /// <summary>Symmetric int8 per output channel: scale = max |w| / 127, zero point 0.</summary>
    private static (sbyte[] Values, float[] Scales) QuantiseFilters(float[] filters, int channelsOut)
    {
        var perChannel = filters.Length / channelsOut;
        var values = new sbyte[filters.Length];
        var scales = new float[channelsOut];
        for (var o = 0; o < channelsOut; o++)
        {
            var row = filters.AsSpan(o * perChannel, perChannel);
            var max = 0f;
            foreach (var w in row) max = Math.Max(max, Math.Abs(w));
            scales[o] = max > 0 ? max / 127f : 1f;
            for (var i = 0; i < perChannel; i++)
                values[o * perChannel + i] = (sbyte)Math.Clamp(Math.Round(row[i] / scales[o]), -127, 127);
        }
        return (values, scales);
    }

    /// <summary>The value as QuantizeLinear → DequantizeLinear with its calibrated uint8 range, and that scale.</summary>
    private (string Value, float Scale) Quantised(OnnxGraphBuilder g, string x, string key)
    {
        if (dequantised.TryGetValue(x, out var known)) return (x, known);
        var (scale, zeroPoint) = ranges!.Uint8(key);
        var scaleName = g.Initializer($"{key}_scale", [], [scale]);
        var zeroName = g.Initializer<byte>($"{key}_zero", OnnxDataType.UInt8, [], [zeroPoint]);
        var value = g.DequantizeLinear(g.QuantizeLinear(x, scaleName, zeroName), scaleName, zeroName);
        dequantised[value] = scale;
        return (value, scale);
    }

    private void Observe(string key, string value)
    {
        if (observed.All(o => o.Value != value)) observed.Add((key, value));
    }
}

using AccessGrid.ModelConversion.Onnx;

namespace AccessGrid.ModelConversion.Networks;

/// <summary>The layers exactly as face-api computes them: Conv, then Mul and Add for the scale layer.</summary>
internal sealed class FloatConvLayers : IConvLayers
{
    public string Write(LayerBuilder net, string x, string prefix, int kernel, int channelsIn, int channelsOut, int stride,
        Padding padding, bool relu)
    {
        var g = net.Graph;
        var conv = net.Conv(x, $"{prefix}/conv/filters", $"{prefix}/conv/bias", kernel, channelsIn, channelsOut, stride, padding);
        var scaled = g.Mul(conv, net.ChannelVector($"{prefix}/scale/weights", channelsOut));
        var shifted = g.Add(scaled, net.ChannelVector($"{prefix}/scale/biases", channelsOut));
        return relu ? g.Relu(shifted) : shifted;
    }

    public void Finish(OnnxGraphBuilder graph) { }
}

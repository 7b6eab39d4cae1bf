using AccessGrid.ModelConversion.Onnx;

namespace AccessGrid.ModelConversion.Networks;

/// <summary>Writes the recognition net's conv layers: conv + bias, dlib's per-channel scale layer
/// (· weights + biases), then an optional ReLU. The float, int8 and calibration graphs differ only here.</summary>
internal interface IConvLayers
{
    /// <summary>Adds one layer reading <paramref name="x"/>; returns the name of its output.</summary>
    string Write(LayerBuilder net, string x, string prefix, int kernel, int channelsIn, int channelsOut, int stride,
        Padding padding, bool relu);

    /// <summary>Called once the graph's own output is declared (calibration adds its statistics outputs here).</summary>
    void Finish(OnnxGraphBuilder graph);
}

using AccessGrid.ModelConversion.Onnx;
using AccessGrid.ModelConversion.Tfjs;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace AccessGrid.ModelConversion.Tests;

/// <summary>Small graphs from the builder, run by ONNX Runtime and checked against values computed by hand.</summary>
public sealed class OnnxEncodingTests
{
    [Fact]
    public void Model_header_declares_ir_8_and_opset_17()
    {
        var g = new OnnxGraphBuilder("header");
        var x = g.Input("x", OnnxDataType.Float, "n", 2);
        g.Relu(x, name: "y");
        g.Output("y", OnnxDataType.Float, "n", 2);
        var fields = ProtoDecoder.Decode(new ModelProto(g.Build(), "test", "1", "").ToBytes());

        Assert.Equal(8UL, fields.Single(f => f.Number == 1).Varint);
        var opset = ProtoDecoder.Decode(fields.Single(f => f.Number == 8).Bytes);
        Assert.Equal("", opset.Single(f => f.Number == 1).Text);
        Assert.Equal(17UL, opset.Single(f => f.Number == 2).Varint);
    }

    [Fact]
    public void Dynamic_batch_broadcast_arithmetic_runs_in_onnx_runtime()
    {
        var g = new OnnxGraphBuilder("arith");
        var x = g.Input("x", OnnxDataType.Float, "batch", 3);
        var mean = g.Initializer("mean", [3], [1f, 2f, 3f]);
        var scale = g.Initializer("scale", [], [255f]);
        g.Div(g.Sub(x, mean), scale, name: "y");
        g.Output("y", OnnxDataType.Float, "batch", 3);

        float[] input = [256, 257, 258, 1, 2, 3];
        var y = Run(g, new DenseTensor<float>(input, [2, 3]), "y");
        Assert.Equal([1f, 1f, 1f, 0f, 0f, 0f], y);
    }

    [Fact]
    public void Hwio_conv_with_same_upper_padding_matches_a_direct_computation()
    {
        // 1×4×4×2 NHWC input, 3×3 stride-2 conv with 3 outputs: SAME_UPPER pads only bottom/right (4 → 2).
        var random = new Random(7);
        var input = Enumerable.Range(0, 32).Select(_ => (float)random.NextDouble()).ToArray();
        var hwio = new TfjsTensor("w", [3, 3, 2, 3], Enumerable.Range(0, 54).Select(_ => (float)random.NextDouble() - 0.5f).ToArray());
        var g = new OnnxGraphBuilder("conv");
        var x = g.Transpose(g.Input("x", OnnxDataType.Float, 1, 4, 4, 2), [0, 3, 1, 2]);
        var w = g.Initializer("w", [3, 2, 3, 3], TfjsLayout.HwioToOihw(hwio));
        g.Transpose(g.Conv(x, w, null, [3, 3], 2, Padding.Same), [0, 2, 3, 1], name: "y");
        g.Output("y", OnnxDataType.Float, 1, 2, 2, 3);

        var y = Run(g, new DenseTensor<float>(input, [1, 4, 4, 2]), "y");
        for (var oy = 0; oy < 2; oy++)
        for (var ox = 0; ox < 2; ox++)
        for (var o = 0; o < 3; o++)
        {
            double expected = 0;
            for (var ky = 0; ky < 3; ky++)
            for (var kx = 0; kx < 3; kx++)
            for (var i = 0; i < 2; i++)
            {
                int iy = oy * 2 + ky, ix = ox * 2 + kx; // pad before = 0 under SAME_UPPER
                if (iy < 4 && ix < 4) expected += input[(iy * 4 + ix) * 2 + i] * hwio.Values[((ky * 3 + kx) * 2 + i) * 3 + o];
            }
            Assert.Equal(expected, y[(oy * 2 + ox) * 3 + o], 5);
        }
    }

    [Fact]
    public void Depthwise_filters_keep_each_channel_separate()
    {
        // 3×3 depthwise over 2 channels, pad 1: a filter that is 1 at the centre only must return the input,
        // scaled per channel, so any channel mix-up shows.
        var values = new float[18];
        values[(1 * 3 + 1) * 2 + 0] = 2f;
        values[(1 * 3 + 1) * 2 + 1] = -3f;
        var depthwise = new TfjsTensor("dw", [3, 3, 2, 1], values);
        var g = new OnnxGraphBuilder("dw");
        var x = g.Input("x", OnnxDataType.Float, 1, 2, 3, 3);
        var w = g.Initializer("dw", [2, 1, 3, 3], TfjsLayout.DepthwiseToOihw(depthwise));
        g.Conv(x, w, null, [3, 3], 1, Padding.Symmetric(1), group: 2, name: "y");
        g.Output("y", OnnxDataType.Float, 1, 2, 3, 3);

        var input = Enumerable.Range(1, 18).Select(i => (float)i).ToArray();
        var y = Run(g, new DenseTensor<float>(input, [1, 2, 3, 3]), "y");
        Assert.Equal(input.Select((v, i) => i < 9 ? 2 * v : -3 * v), y);
    }

    [Fact]
    public void Pad_mean_and_matmul_compose()
    {
        // [1,1,1,2] → pad a zero channel after and a zero row/column at the end → mean over H,W → ×[[1],[1]].
        var g = new OnnxGraphBuilder("tail");
        var x = g.Input("x", OnnxDataType.Float, "n", 1, 1, 2);
        var padded = g.Pad(x, [0, 0, 0, 0, 0, 1, 1, 0]);
        var mean = g.ReduceMean(padded, [2, 3], keepDims: false);
        g.MatMul(mean, g.Initializer("m", [2, 1], [1f, 10f]), name: "y");
        g.Output("y", OnnxDataType.Float, "n", 1);

        var y = Run(g, new DenseTensor<float>(new float[] { 4, 8 }, [1, 1, 1, 2]), "y");
        // padded is [1,2,2,2]: channel 0 = [[4,8],[0,0]] mean 3, channel 1 all zero.
        Assert.Equal([3f], y);
    }

    [Fact]
    public void Builder_rejects_undefined_inputs_and_duplicate_names()
    {
        var g = new OnnxGraphBuilder("bad");
        var x = g.Input("x", OnnxDataType.Float, 1);
        Assert.Throws<InvalidOperationException>(() => g.Relu("nope"));
        Assert.Throws<InvalidOperationException>(() => g.Relu(x, name: "x"));
        Assert.Throws<InvalidOperationException>(() => g.Output("missing", OnnxDataType.Float, 1));
        Assert.Throws<ArgumentException>(() => g.Initializer("w", [2, 2], [1f, 2f, 3f]));
    }

    private static float[] Run(OnnxGraphBuilder graph, DenseTensor<float> input, string output)
    {
        var model = new ModelProto(graph.Build(), "AccessGrid.Tests", "1", "").ToBytes();
        using var session = new InferenceSession(model);
        var inputName = session.InputMetadata.Keys.Single();
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, input)]);
        return results.Single(r => r.Name == output).AsTensor<float>().ToArray();
    }
}

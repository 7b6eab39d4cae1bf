namespace AccessGrid.ModelConversion.Onnx;

/// <summary>Builds a graph op by op; each method returns the name of the value it produces.
/// Names are generated unless the caller asks for one (graph outputs need theirs).</summary>
public sealed class OnnxGraphBuilder(string graphName)
{
    private readonly List<NodeProto> nodes = [];
    private readonly List<TensorProto> initializers = [];
    private readonly List<ValueInfoProto> inputs = [];
    private readonly List<ValueInfoProto> outputs = [];
    private readonly HashSet<string> values = [];
    private int counter;

    public string Input(string name, OnnxDataType type, params TensorDim[] shape)
    {
        Declare(name);
        inputs.Add(new ValueInfoProto(name, type, shape));
        return name;
    }

    public void Output(string name, OnnxDataType type, params TensorDim[] shape)
    {
        if (!values.Contains(name)) throw new InvalidOperationException($"graph output '{name}' is produced by no node");
        outputs.Add(new ValueInfoProto(name, type, shape));
    }

    public string Initializer(string name, long[] dims, ReadOnlySpan<float> data)
    {
        Declare(name);
        initializers.Add(TensorProto.FromFloats(name, dims, data));
        return name;
    }

    public string Int64Initializer(string name, params long[] data)
    {
        Declare(name);
        initializers.Add(TensorProto.FromInt64s(name, [data.Length], data));
        return name;
    }

    /// <summary>An integer initializer (int8 weights, uint8/int8 zero points, int32 biases).</summary>
    public string Initializer<T>(string name, OnnxDataType type, long[] dims, ReadOnlySpan<T> data) where T : unmanaged
    {
        Declare(name);
        initializers.Add(TensorProto.FromValues(name, type, dims, data));
        return name;
    }

    public string Conv(string x, string weights, string? bias, long[] kernel, long stride, Padding padding, long group = 1, string? name = null) =>
        Node("Conv", bias is null ? [x, weights] : [x, weights, bias], name,
        [
            AttributeProto.Ints("kernel_shape", kernel),
            AttributeProto.Ints("strides", stride, stride),
            AttributeProto.Int("group", group),
            .. padding.ToAttributes(),
        ]);

    public string MaxPool(string x, long kernel, long stride, Padding padding, string? name = null) =>
        Node("MaxPool", [x], name,
            [AttributeProto.Ints("kernel_shape", kernel, kernel), AttributeProto.Ints("strides", stride, stride), .. padding.ToAttributes()]);

    /// <summary>Padding is never counted in the average here: tfjs 'valid' pools see no padding at all.</summary>
    public string AveragePool(string x, long kernel, long stride, Padding padding, string? name = null) =>
        Node("AveragePool", [x], name,
            [AttributeProto.Ints("kernel_shape", kernel, kernel), AttributeProto.Ints("strides", stride, stride), .. padding.ToAttributes()]);

    /// <summary>Zero padding; <paramref name="pads"/> is ONNX order: all begins, then all ends.</summary>
    public string Pad(string x, long[] pads, string? name = null) =>
        Node("Pad", [x, Int64Initializer(Fresh("pads"), pads)], name, [AttributeProto.String("mode", "constant")]);

    public string Add(string a, string b, string? name = null) => Node("Add", [a, b], name, []);
    public string Sub(string a, string b, string? name = null) => Node("Sub", [a, b], name, []);
    public string Mul(string a, string b, string? name = null) => Node("Mul", [a, b], name, []);
    public string Div(string a, string b, string? name = null) => Node("Div", [a, b], name, []);
    public string MatMul(string a, string b, string? name = null) => Node("MatMul", [a, b], name, []);
    public string Relu(string x, string? name = null) => Node("Relu", [x], name, []);

    public string LeakyRelu(string x, float alpha, string? name = null) =>
        Node("LeakyRelu", [x], name, [AttributeProto.Float("alpha", alpha)]);

    public string Transpose(string x, long[] perm, string? name = null) =>
        Node("Transpose", [x], name, [AttributeProto.Ints("perm", perm)]);

    public string Flatten(string x, long axis = 1, string? name = null) =>
        Node("Flatten", [x], name, [AttributeProto.Int("axis", axis)]);

    /// <summary>Opset 17 still takes the axes as an attribute (an input from opset 18).</summary>
    public string ReduceMean(string x, long[] axes, bool keepDims, string? name = null) =>
        Node("ReduceMean", [x], name, [AttributeProto.Ints("axes", axes), AttributeProto.Int("keepdims", keepDims ? 1 : 0)]);

    /// <summary>Reduces over every axis to a scalar (no axes attribute = all axes).</summary>
    public string ReduceMin(string x, string? name = null) =>
        Node("ReduceMin", [x], name, [AttributeProto.Int("keepdims", 0)]);

    public string ReduceMax(string x, string? name = null) =>
        Node("ReduceMax", [x], name, [AttributeProto.Int("keepdims", 0)]);

    /// <summary>y = saturate(round(x / scale) + zeroPoint); the zero point's type is y's type.
    /// <paramref name="axis"/> applies to per-channel (1-D) scales.</summary>
    public string QuantizeLinear(string x, string scale, string zeroPoint, long axis = 1, string? name = null) =>
        Node("QuantizeLinear", [x, scale, zeroPoint], name, [AttributeProto.Int("axis", axis)]);

    /// <summary>y = (x − zeroPoint) · scale, in float.</summary>
    public string DequantizeLinear(string x, string scale, string zeroPoint, long axis = 1, string? name = null) =>
        Node("DequantizeLinear", [x, scale, zeroPoint], name, [AttributeProto.Int("axis", axis)]);

    public GraphProto Build()
    {
        if (outputs.Count == 0) throw new InvalidOperationException($"graph '{graphName}' has no outputs");
        return new GraphProto(graphName, nodes.ToArray(), initializers.ToArray(), inputs.ToArray(), outputs.ToArray());
    }

    private string Node(string opType, string[] nodeInputs, string? output, AttributeProto[] attributes)
    {
        foreach (var input in nodeInputs)
            if (!values.Contains(input)) throw new InvalidOperationException($"{opType}: input '{input}' is not defined yet");
        var result = output ?? Fresh(opType);
        Declare(result);
        nodes.Add(new NodeProto($"{opType}_{nodes.Count}", opType, nodeInputs, [result], attributes));
        return result;
    }

    private string Fresh(string hint) => $"{hint}_{counter++}";

    private void Declare(string name)
    {
        if (!values.Add(name)) throw new InvalidOperationException($"value '{name}' is defined twice");
    }
}

namespace AccessGrid.ModelConversion.Onnx;

/// <summary>How a Conv or pool pads: explicit [top, left, bottom, right] or TensorFlow 'SAME' (extra pad at the end).</summary>
public sealed record Padding(long[]? Pads, bool SameUpper)
{
    /// <summary>TensorFlow/tfjs 'valid': no padding, trailing pixels that do not fill a window are dropped.</summary>
    public static Padding Valid { get; } = new([0, 0, 0, 0], false);

    /// <summary>TensorFlow/tfjs 'same' = ONNX SAME_UPPER; works for dynamic spatial sizes.</summary>
    public static Padding Same { get; } = new(null, true);

    public static Padding Symmetric(long n) => new([n, n, n, n], false);

    internal IEnumerable<AttributeProto> ToAttributes() =>
        SameUpper ? [AttributeProto.String("auto_pad", "SAME_UPPER")] : [AttributeProto.Ints("pads", Pads!)];
}

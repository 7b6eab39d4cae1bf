namespace AccessGrid.ModelConversion.Tfjs;

/// <summary>tfjs (TensorFlow) stores conv filters HWIO; ONNX Conv wants OIHW.</summary>
public static class TfjsLayout
{
    /// <summary>[kh, kw, in, out] → [out, in, kh, kw].</summary>
    public static float[] HwioToOihw(TfjsTensor filters)
    {
        if (filters.Shape.Length != 4) throw new WeightsFormatException($"'{filters.Name}' is not a 4-D filter: {filters.ShapeText}");
        var (kh, kw, ci, co) = (filters.Shape[0], filters.Shape[1], filters.Shape[2], filters.Shape[3]);
        var source = filters.Values;
        var result = new float[source.Length];
        for (var h = 0; h < kh; h++)
        for (var w = 0; w < kw; w++)
        for (var i = 0; i < ci; i++)
        for (var o = 0; o < co; o++)
            result[((o * ci + i) * kh + h) * kw + w] = source[((h * kw + w) * ci + i) * co + o];
        return result;
    }

    /// <summary>Depthwise [kh, kw, C, 1] → [C, 1, kh, kw], used with group = C.</summary>
    public static float[] DepthwiseToOihw(TfjsTensor filters)
    {
        if (filters.Shape is not [var kh, var kw, var c, 1])
            throw new WeightsFormatException($"'{filters.Name}' is not a depthwise filter with multiplier 1: {filters.ShapeText}");
        var source = filters.Values;
        var result = new float[source.Length];
        for (var h = 0; h < kh; h++)
        for (var w = 0; w < kw; w++)
        for (var ch = 0; ch < c; ch++)
            result[(ch * kh + h) * kw + w] = source[(h * kw + w) * c + ch];
        return result;
    }
}

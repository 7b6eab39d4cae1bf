namespace AccessGrid.ModelConversion.Quantization;

/// <summary>The calibrated range of every activation the int8 graph quantises, by tensor key ("{layer}/input",
/// "{layer}/output").</summary>
public sealed class ActivationRanges(IReadOnlyDictionary<string, (float Min, float Max)> ranges)
{
    public IReadOnlyDictionary<string, (float Min, float Max)> Ranges { get; } = ranges;

    /// <summary>Asymmetric uint8 for a tensor: the range widened to include 0 (so zero is exact, and a ReLU output
    /// gets zero point 0, which lets ONNX Runtime drop the ReLU into the conv).</summary>
    public (float Scale, byte ZeroPoint) Uint8(string key)
    {
        if (!Ranges.TryGetValue(key, out var range)) throw new InvalidOperationException($"no calibrated range for '{key}'");
        var min = Math.Min(0f, range.Min);
        var max = Math.Max(0f, range.Max);
        var scale = max > min ? (max - min) / 255f : 1f;
        var zeroPoint = (byte)Math.Clamp(Math.Round(-min / scale), 0, 255);
        return (scale, zeroPoint);
    }
}

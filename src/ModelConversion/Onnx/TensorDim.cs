namespace AccessGrid.ModelConversion.Onnx;

/// <summary>A graph input/output dimension: a fixed size, or a symbolic name the runtime leaves dynamic.</summary>
public readonly record struct TensorDim(long? Value, string? Symbol)
{
    public static TensorDim Fixed(long value) => new(value, null);
    public static TensorDim Dynamic(string symbol) => new(null, symbol);
    public static implicit operator TensorDim(long value) => Fixed(value);
    public static implicit operator TensorDim(string symbol) => Dynamic(symbol);
    public override string ToString() => Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Symbol ?? "?";
}

namespace AccessGrid.ModelConversion.Tfjs;

/// <summary>All tensors of one tfjs model, by name; lookups check the shape the network definition expects.</summary>
public sealed class TfjsWeights(IReadOnlyList<TfjsTensor> tensors)
{
    private readonly Dictionary<string, TfjsTensor> byName = tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public IReadOnlyList<TfjsTensor> Tensors { get; } = tensors;

    public TfjsTensor Get(string name, params int[] expectedShape)
    {
        if (!byName.TryGetValue(name, out var tensor))
            throw new WeightsFormatException($"weights have no tensor '{name}'");
        if (!tensor.Shape.SequenceEqual(expectedShape))
            throw new WeightsFormatException($"tensor '{name}' has shape {tensor.ShapeText}, expected [{string.Join(',', expectedShape)}]");
        return tensor;
    }
}

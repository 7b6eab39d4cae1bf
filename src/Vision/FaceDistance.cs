using System.Numerics.Tensors;

namespace AccessGrid.Vision;

/// <summary>Distances between encodings. For L2-normalised encodings euclidean² = 2 · cosine distance.</summary>
public static class FaceDistance
{
    public static float Euclidean(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        RequireSameLength(a, b);
        return TensorPrimitives.Distance(a, b);
    }

    /// <summary>Cosine distance = 1 − cosine similarity (0 = same direction, 2 = opposite).</summary>
    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        RequireSameLength(a, b);
        return 1f - TensorPrimitives.CosineSimilarity(a, b);
    }

    private static void RequireSameLength(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length || a.IsEmpty)
            throw new ArgumentException($"Encodings must be non-empty and equally long (got {a.Length} and {b.Length}).");
    }
}

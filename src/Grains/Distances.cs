using System.Numerics.Tensors;

namespace AccessGrid.Grains;

/// <summary>Distances between encodings, as the decision policy measures them.</summary>
internal static class Distances
{
    public static float Euclidean(float[] a, float[] b) => a.Length == b.Length
        ? TensorPrimitives.Distance(a, b)
        : throw new AccessGridException(AccessGridError.Invalid, "Encodings of different lengths cannot be compared.");
}

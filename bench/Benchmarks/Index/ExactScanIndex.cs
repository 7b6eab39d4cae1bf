using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using AccessGrid.Benchmarks.Vectors;

namespace AccessGrid.Benchmarks.Index;

/// <summary>Brute-force 1:K over L2-normalised vectors: the largest dot product is the smallest cosine distance.
/// The reference every approximate index is judged against, and fast enough on its own for small galleries.</summary>
public sealed class ExactScanIndex
{
    private readonly float[] _data;
    private readonly int _count;
    private readonly int _dimensions;

    public ExactScanIndex(VectorSet vectors) : this(vectors.Data, vectors.Count, vectors.Dimensions) { }

    public ExactScanIndex(float[] data, int count, int dimensions)
    {
        if (data.Length < (long)count * dimensions) throw new ArgumentException("Fewer floats than count × dimensions.", nameof(data));
        _data = data;
        _count = count;
        _dimensions = dimensions;
    }

    public int Count => _count;

    /// <summary>The nearest row and its cosine distance (1 − dot).</summary>
    public (int Row, float Distance) Nearest(ReadOnlySpan<float> query) => Nearest(query, 0, _count);

    /// <summary>Splits the rows over <paramref name="partitions"/> threads: a 1:K answer uses every core.</summary>
    public (int Row, float Distance) NearestParallel(float[] query, int partitions)
    {
        var best = new (int Row, float Distance)[partitions];
        int chunk = (_count + partitions - 1) / partitions;
        Parallel.For(0, partitions, new ParallelOptions { MaxDegreeOfParallelism = partitions }, p =>
        {
            int start = p * chunk, end = Math.Min(_count, start + chunk);
            best[p] = start < end ? Nearest(query, start, end) : (-1, float.MaxValue);
        });
        return best.MinBy(b => b.Distance);
    }

    private (int Row, float Distance) Nearest(ReadOnlySpan<float> query, int start, int end)
    {
        if (query.Length != _dimensions) throw new ArgumentException($"Query has {query.Length} dimensions, index has {_dimensions}.");
        int bestRow = -1;
        float bestDot = float.NegativeInfinity;
        int r = start;
        // Four rows per pass keep four independent FMA chains in flight: the scan is bound by memory, not by math.
        if (Vector512.IsHardwareAccelerated && _dimensions % Vector512<float>.Count == 0)
        {
            for (; r + 4 <= end; r += 4)
            {
                var (d0, d1, d2, d3) = Dot4Vector512(r, query);
                Keep(r, d0); Keep(r + 1, d1); Keep(r + 2, d2); Keep(r + 3, d3);
            }
        }
        for (; r < end; r++) Keep(r, Dot(Row(r), query));
        return (bestRow, 1f - bestDot);

        void Keep(int row, float dot)
        {
            if (dot > bestDot) { bestDot = dot; bestRow = row; }
        }
    }

    private ReadOnlySpan<float> Row(int r) => _data.AsSpan(r * _dimensions, _dimensions);

    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.Dot(a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (float, float, float, float) Dot4Vector512(int row, ReadOnlySpan<float> query)
    {
        ref float q = ref MemoryMarshal.GetReference(query);
        ref float r0 = ref _data[row * _dimensions];
        ref float r1 = ref Unsafe.Add(ref r0, _dimensions);
        ref float r2 = ref Unsafe.Add(ref r1, _dimensions);
        ref float r3 = ref Unsafe.Add(ref r2, _dimensions);
        Vector512<float> a0 = default, a1 = default, a2 = default, a3 = default;
        for (int i = 0; i < _dimensions; i += Vector512<float>.Count)
        {
            var qv = Vector512.LoadUnsafe(ref q, (nuint)i);
            a0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref r0, (nuint)i), qv, a0);
            a1 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref r1, (nuint)i), qv, a1);
            a2 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref r2, (nuint)i), qv, a2);
            a3 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref r3, (nuint)i), qv, a3);
        }
        return (Vector512.Sum(a0), Vector512.Sum(a1), Vector512.Sum(a2), Vector512.Sum(a3));
    }
}

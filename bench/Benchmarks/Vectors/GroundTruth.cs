using System.Runtime.InteropServices;
using AccessGrid.Benchmarks.Index;

namespace AccessGrid.Benchmarks.Vectors;

/// <summary>The exact nearest base row of every query, shared by our sweep and the Python peers so recall is
/// judged against one truth. On disk: int32 count, then one int32 row id per query.</summary>
public static class GroundTruth
{
    public static int[] Compute(VectorSet baseVectors, VectorSet queries)
    {
        var scan = new ExactScanIndex(baseVectors);
        var truth = new int[queries.Count];
        Parallel.For(0, queries.Count, q => truth[q] = scan.Nearest(queries[q]).Row);
        return truth;
    }

    public static void Save(string path, int[] truth)
    {
        using var stream = File.Create(path);
        Span<int> header = [truth.Length];
        stream.Write(MemoryMarshal.AsBytes(header));
        stream.Write(MemoryMarshal.AsBytes(truth.AsSpan()));
    }

    public static int[] Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var ints = MemoryMarshal.Cast<byte, int>(bytes);
        if (ints.Length < 1 || ints[0] != ints.Length - 1) throw new InvalidDataException($"{path}: not a ground-truth file.");
        return ints[1..].ToArray();
    }
}

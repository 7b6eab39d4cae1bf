using System.Runtime.InteropServices;

namespace AccessGrid.Benchmarks.Vectors;

/// <summary>Row-major float32 vectors. On disk: int32 count, int32 dimensions, then the floats (little-endian),
/// so the Python peers read it with one numpy.fromfile.</summary>
public sealed class VectorSet
{
    public VectorSet(int count, int dimensions, float[] data)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        if (data.Length != (long)count * dimensions)
            throw new ArgumentException($"Expected {(long)count * dimensions} floats, got {data.Length}.", nameof(data));
        Count = count;
        Dimensions = dimensions;
        Data = data;
    }

    public int Count { get; }
    public int Dimensions { get; }
    public float[] Data { get; }

    public ReadOnlySpan<float> this[int row] => Data.AsSpan(row * Dimensions, Dimensions);

    public VectorSet Take(int count) =>
        count >= Count ? this : new VectorSet(count, Dimensions, Data.AsSpan(0, count * Dimensions).ToArray());

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var stream = File.Create(path);
        Span<int> header = [Count, Dimensions];
        stream.Write(MemoryMarshal.AsBytes(header));
        stream.Write(MemoryMarshal.AsBytes(Data.AsSpan()));
    }

    public static VectorSet Load(string path)
    {
        using var stream = File.OpenRead(path);
        Span<int> header = stackalloc int[2];
        stream.ReadExactly(MemoryMarshal.AsBytes(header));
        var (count, dimensions) = (header[0], header[1]);
        if (count < 0 || dimensions <= 0 || stream.Length != 8 + 4L * count * dimensions)
            throw new InvalidDataException($"{path}: header says {count}×{dimensions} but the file has {stream.Length} bytes.");
        var data = new float[(long)count * dimensions];
        stream.ReadExactly(MemoryMarshal.AsBytes(data.AsSpan()));
        return new VectorSet(count, dimensions, data);
    }
}

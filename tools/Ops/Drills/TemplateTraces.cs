using System.Buffers.Binary;
using System.Text;

namespace AccessGrid.Ops.Drills;

/// <summary>What an erased person could leave behind in stored bytes: their name (UTF-8 or UTF-16), an encoding as
/// float32 little-endian (staff state, snapshot slab) or in the int8 form USearch keeps in its graph for the cosine
/// metric (x / |x| scaled to ±127), and — given a way to find faces in a picture — a JPEG of their face (an enrollment
/// thumbnail, a decision snapshot). Encodings are matched with a small tolerance, so that one computed by this
/// process's own pipeline finds the copy the silo computed from the same photo.</summary>
public sealed class TemplateTraces
{
    private const float FloatTolerance = 1e-3f;
    private const int Int8Tolerance = 2;

    /// <summary>A face in a stored picture this near one of the person's encodings is theirs (the 1:1 threshold is 0.5).</summary>
    public const float SameFaceDistance = 0.5f;

    private readonly byte[][] _names;
    private readonly IReadOnlyList<float[]> _encodings;
    private readonly IReadOnlyList<sbyte[]> _int8;
    private readonly Func<byte[], IEnumerable<float[]>>? _facesIn;

    /// <param name="facesIn">The encodings of the faces in a JPEG (the vision pipeline); null leaves pictures unchecked.</param>
    public TemplateTraces(string name, IReadOnlyList<float[]> encodings, Func<byte[], IEnumerable<float[]>>? facesIn = null)
    {
        _names = [Encoding.UTF8.GetBytes(name), Encoding.Unicode.GetBytes(name)];
        _encodings = encodings;
        _int8 = [.. encodings.Select(Int8Form)];
        _facesIn = facesIn;
    }

    /// <summary>Which traces <paramref name="bytes"/> holds: any of "name", "float32", "int8", "face picture".</summary>
    public IReadOnlyList<string> Find(ReadOnlySpan<byte> bytes)
    {
        var found = new List<string>();
        foreach (var name in _names)
            if (bytes.IndexOf(name) >= 0) { found.Add("name"); break; }
        foreach (var e in _encodings)
            if (ContainsFloat32(bytes, e)) { found.Add("float32"); break; }
        foreach (var q in _int8)
            if (ContainsInt8(bytes, q)) { found.Add("int8"); break; }
        if (_facesIn is not null && bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) && ShowsThePerson(_facesIn(bytes.ToArray())))
            found.Add("face picture");
        return found;
    }

    private bool ShowsThePerson(IEnumerable<float[]> faces) =>
        faces.Any(face => _encodings.Any(e => Distance(face, e) <= SameFaceDistance));

    private static float Distance(float[] a, float[] b)
    {
        var sum = 0f;
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++) sum += (a[i] - b[i]) * (a[i] - b[i]);
        return MathF.Sqrt(sum);
    }

    /// <summary>USearch's float-to-int8 cast for cosine: scale to unit length, then to [-127, 127].</summary>
    public static sbyte[] Int8Form(float[] vector)
    {
        var norm = Math.Sqrt(vector.Sum(v => (double)v * v));
        return [.. vector.Select(v => (sbyte)Math.Clamp(Math.Round(v / norm * 127), -127, 127))];
    }

    private static bool ContainsFloat32(ReadOnlySpan<byte> bytes, float[] vector)
    {
        var length = vector.Length * sizeof(float);
        for (var at = 0; at + length <= bytes.Length; at++)
        {
            var d = 0;
            while (d < vector.Length && Math.Abs(BinaryPrimitives.ReadSingleLittleEndian(bytes[(at + d * 4)..]) - vector[d]) <= FloatTolerance) d++;
            if (d == vector.Length) return true;
        }
        return false;
    }

    private static bool ContainsInt8(ReadOnlySpan<byte> bytes, sbyte[] q)
    {
        for (var at = 0; at + q.Length <= bytes.Length; at++)
        {
            var d = 0;
            while (d < q.Length && Math.Abs((sbyte)bytes[at + d] - q[d]) <= Int8Tolerance) d++;
            if (d == q.Length) return true;
        }
        return false;
    }
}

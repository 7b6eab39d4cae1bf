using System.Runtime.InteropServices;
using System.Text;
using AccessGrid.Ops.Drills;
using AccessGrid.TestSupport;
using AccessGrid.Vision;

namespace AccessGrid.Ops.Tests;

/// <summary>The erasure scan's byte search: it must see every form a person can leave behind, and nothing else.</summary>
public sealed class TemplateTracesTests
{
    private static readonly float[] Encoding128 = UnitVector(3);
    private readonly TemplateTraces _traces = new("Ada Lovelace", [Encoding128]);

    [Fact]
    public void Finds_the_name_in_utf8_and_utf16_and_the_encoding_as_float32_and_int8_at_any_offset()
    {
        Assert.Equal(["name"], _traces.Find(Padded(Encoding.UTF8.GetBytes("row: Ada Lovelace;"))));
        Assert.Equal(["name"], _traces.Find(Padded(Encoding.Unicode.GetBytes("Ada Lovelace"))));
        // The silo's own encoding of the same photo differs in the last bits.
        var silo = Encoding128.Select(v => v + 1e-5f).ToArray();
        Assert.Equal(["float32"], _traces.Find(Padded(MemoryMarshal.AsBytes(silo.AsSpan()).ToArray())));
        var int8 = MemoryMarshal.AsBytes(TemplateTraces.Int8Form(Encoding128).AsSpan()).ToArray();
        Assert.Equal(["int8"], _traces.Find(Padded(int8)));
    }

    [Fact]
    public void Finds_nothing_in_other_people_or_noise()
    {
        var other = UnitVector(4);
        var bytes = Padded([.. MemoryMarshal.AsBytes(other.AsSpan()).ToArray(), .. MemoryMarshal.AsBytes(TemplateTraces.Int8Form(other).AsSpan()).ToArray(),
            .. Encoding.UTF8.GetBytes("Ada Byron")]);
        Assert.Empty(_traces.Find(bytes));
    }

    [RealFacesFact]
    public void Finds_a_jpeg_of_the_persons_face_and_not_of_someone_elses_when_given_a_pipeline()
    {
        using var pipeline = FacePipeline.Load();
        var person = File.ReadAllBytes(RepoPaths.SampleImage(2));
        var encoding = pipeline.Analyze(person).Primary!.Embedding;
        var traces = new TemplateTraces("Sample Two", [encoding], jpeg => pipeline.Analyze(jpeg).Faces.Select(f => f.Embedding));
        var thumbnail = FaceThumbnail.Encode(person, pipeline.Analyze(person).Primary!.Box, long.MaxValue)!;
        // The face of the group photos least like the person (the demo photos share some of their cast).
        var (group, stranger) = new[] { 1, 3, 4, 5, 6 }.Select(n => File.ReadAllBytes(RepoPaths.SampleImage(n)))
            .SelectMany(photo => pipeline.Analyze(photo).Faces.Select(face => (Photo: photo, Face: face)))
            .MaxBy(c => Distance(c.Face.Embedding, encoding));
        Assert.True(Distance(stranger.Embedding, encoding) > 0.6f, $"nobody else in the demo photos ({Distance(stranger.Embedding, encoding):0.000})");
        var strangerThumbnail = FaceThumbnail.Encode(group, stranger.Box, long.MaxValue)!;

        Assert.Equal(["face picture"], traces.Find(thumbnail));
        Assert.Empty(traces.Find(strangerThumbnail));
        Assert.Empty(new TemplateTraces("Sample Two", [encoding]).Find(thumbnail)); // no pipeline, no picture check
    }

    private static float Distance(float[] a, float[] b) => MathF.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());

    private static byte[] Padded(byte[] middle)
    {
        var random = new Random(middle.Length);
        var before = new byte[random.Next(1, 64)];
        var after = new byte[64];
        random.NextBytes(before);
        random.NextBytes(after);
        return [.. before, .. middle, .. after];
    }

    private static float[] UnitVector(int seed)
    {
        var random = new Random(seed);
        var v = Enumerable.Range(0, 128).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var norm = MathF.Sqrt(v.Sum(x => x * x));
        return [.. v.Select(x => x / norm)];
    }
}

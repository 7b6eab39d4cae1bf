using AccessGrid.TestSupport;

namespace AccessGrid.Vision.Tests.Pipeline;

/// <summary>The seed office (../shared/datasets/seed): 18 tight 96×96 crops, and the outcomes EXPECTED.md and the
/// notes record. Distances here are between L2-normalised encodings, ≈ 0.69 × the raw-descriptor distances the
/// notes quote, so the test asserts who is nearest and that one threshold separates every case, not values.</summary>
[Collection(PipelineCollection.Name)]
public sealed class SeedOfficeTests(PipelineFixture fixture)
{
    private static readonly string[] Enrolled =
        ["danielle", "younes", "tian", "kian", "dan", "sebastiano", "bertrand", "kevin", "felix", "benoit", "arnaud"];

    public static IEnumerable<object[]> Pictures() =>
        RepoPaths.SharedDirectory is null
            ? []
            : Directory.GetFiles(RepoPaths.Shared("datasets", "seed")).Where(f => !f.EndsWith(".md")).Order().Select(f => new object[] { Path.GetFileName(f) });

    [SharedDataTheory]
    [MemberData(nameof(Pictures))]
    public void Every_tight_crop_gives_one_face(string file)
    {
        var analysis = fixture.Pipeline.Analyze(File.ReadAllBytes(RepoPaths.Shared("datasets", "seed", file)));
        Assert.True(analysis.Succeeded, analysis.Problem?.Message);
        Assert.Equal((96, 96), (analysis.Width, analysis.Height));
        Assert.Single(analysis.Faces);
        Assert.InRange(analysis.Primary!.Quality.SizePx, 30, 96);
    }

    [SharedDataFact]
    public void Door_camera_shots_reproduce_the_recorded_outcomes()
    {
        var gallery = Enrolled.ToDictionary(n => n, Encode);

        (string Name, float Distance) Nearest(string probe) =>
            gallery.Select(g => (g.Key, FaceDistance.Euclidean(Encode(probe), g.Value))).MinBy(x => x.Item2);
        float To(string probe, string claimed) => FaceDistance.Euclidean(Encode(probe), gallery[claimed]);

        // who_is_it: each door shot's nearest enrolled person.
        Assert.Equal("younes", Nearest("camera_0").Name);
        Assert.Equal("bertrand", Nearest("camera_1").Name);
        Assert.Equal("benoit", Nearest("camera_2").Name);
        Assert.Equal("bertrand", Nearest("camera_3").Name);
        Assert.Equal("dan", Nearest("camera_4").Name);
        Assert.Equal("arnaud", Nearest("camera_5").Name);
        Assert.Equal("tian", Nearest("andrew").Name);

        // verify(camera_0, younes) opens and verify(camera_2, younes) stays shut: camera_2 is much farther.
        Assert.True(To("camera_0", "younes") * 1.5f < To("camera_2", "younes"));

        // One threshold decides every case: all genuine matches are closer than camera_2→younes and andrew→tian.
        float[] genuine = [To("camera_0", "younes"), To("camera_1", "bertrand"), To("camera_2", "benoit"),
            To("camera_3", "bertrand"), To("camera_4", "dan"), To("camera_5", "arnaud")];
        float[] impostor = [To("camera_2", "younes"), Nearest("andrew").Distance];
        Assert.True(genuine.Max() < impostor.Min(), $"genuine up to {genuine.Max()}, impostor from {impostor.Min()}");

        // camera_0's runner-up is well behind younes (the notes: 0.288 vs 0.582 raw).
        var ranked = gallery.Select(g => FaceDistance.Euclidean(Encode("camera_0"), g.Value)).Order().ToList();
        Assert.True(ranked[0] * 1.6f < ranked[1], $"{ranked[0]} vs {ranked[1]}");
    }

    private readonly Dictionary<string, float[]> _cache = [];

    private float[] Encode(string name)
    {
        if (_cache.TryGetValue(name, out var cached)) return cached;
        var file = Directory.GetFiles(RepoPaths.Shared("datasets", "seed"), name + ".*").Single();
        var analysis = fixture.Pipeline.Analyze(File.ReadAllBytes(file));
        Assert.True(analysis.Succeeded, $"{name}: {analysis.Problem?.Message}");
        return _cache[name] = analysis.Primary!.Embedding;
    }
}

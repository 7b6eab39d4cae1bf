using AccessGrid.TestSupport;
using Xunit.Abstractions;

namespace AccessGrid.Vision.Tests.Pipeline;

/// <summary>The int8 recognition net against the float one on real faces (the demo photos): same faces, nearly the
/// same encodings. The installer calibrates on these photos, so this bounds the quantisation error; LFW
/// (docs/benchmarks.md) shows how it generalises. The float net's own parity with face-api is GoldenParityTests'.</summary>
[Collection(PipelineCollection.Name)]
public sealed class Int8EncoderTests(PipelineFixture fixture, ITestOutputHelper output)
{
    /// <summary>Cosine similarity to the float encoding, every face. On LFW the int8 net's accuracy is within a few
    /// tenths of a point of the float net's (docs/benchmarks.md); 0.99 is far below what it reaches here.</summary>
    private const float MinCosine = 0.99f;

    [Fact]
    public void Int8_encodings_stay_within_cosine_0_99_of_the_float_ones()
    {
        Assert.True(fixture.Pipeline.Options.Int8Encoder); // the default, so the fixture's analyses are int8
        using var float32 = FacePipeline.Load(RepoPaths.ModelsDirectory, fixture.Pipeline.Options with { Int8Encoder = false });
        var worst = 1f;
        var faces = 0;
        for (var sample = 1; sample <= 6; sample++)
        {
            var reference = float32.Analyze(PipelineFixture.SampleBytes(sample));
            var quantised = fixture.Sample(sample);
            Assert.Equal(reference.Faces.Count, quantised.Faces.Count);
            for (var i = 0; i < reference.Faces.Count; i++)
            {
                Assert.Equal(reference.Faces[i].Box, quantised.Faces[i].Box); // detection does not depend on the encoder
                var cosine = reference.Faces[i].Embedding.Zip(quantised.Faces[i].Embedding, (a, b) => a * b).Sum();
                worst = Math.Min(worst, cosine);
                faces++;
            }
        }
        output.WriteLine($"{faces} faces, worst cosine to the float encoding {worst:F5}");
        Assert.True(worst >= MinCosine, $"worst cosine to the float encoding {worst:F4} < {MinCosine}");
    }
}

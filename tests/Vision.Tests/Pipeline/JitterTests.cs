using AccessGrid.TestSupport;

namespace AccessGrid.Vision.Tests.Pipeline;

/// <summary>The jitter option (an enrollment-time lever measured by `eval openset --jitter`): the face's encoding
/// averaged with jittered chips' stays the same person's, differs from the plain one, and is repeatable.</summary>
[Collection(PipelineCollection.Name)]
public sealed class JitterTests(PipelineFixture fixture)
{
    [Fact]
    public void Jittered_encodings_are_near_the_plain_one_and_repeatable()
    {
        using var jittered = FacePipeline.Load(RepoPaths.ModelsDirectory, fixture.Pipeline.Options with { Jitter = 3 });
        var bytes = PipelineFixture.SampleBytes(2);
        var plain = fixture.Sample(2).Primary!;

        var first = jittered.Analyze(bytes).Primary!;
        var again = jittered.Analyze(bytes).Primary!;

        Assert.Equal(plain.Box, first.Box);
        Assert.Equal(first.Embedding, again.Embedding);
        var distance = FaceDistance.Euclidean(first.Embedding, plain.Embedding);
        Assert.InRange(distance, 1e-4f, 0.1f);
        Assert.Equal(1f, MathF.Sqrt(first.Embedding.Sum(v => v * v)), 4);
    }
}

using System.Text.Json;
using AccessGrid.TestSupport;
using AccessGrid.Vision.Liveness;
using AccessGrid.Vision.Tests.Pipeline;

namespace AccessGrid.Vision.Tests.Liveness;

/// <summary>Crop, tensor and model output against golden/mini-fasnet.json, computed once from the real model
/// (regenerate only on purpose: ACCESSGRID_WRITE_GOLDEN=1 dotnet test --filter MiniFasNetGoldenTests).
/// Inputs are a synthetic pattern and face-api's demo sample1.jpg (installed with the models), never ../shared.</summary>
public sealed class MiniFasNetGoldenTests(MiniFasNetFixture model) : IClassFixture<MiniFasNetFixture>
{
    private static readonly FaceBox SyntheticBox = new(130, 80, 60, 70);
    private static readonly int[] Probes = [0, 1, 777, 16384, 16384 + 8191, 32768 + 4242, 49151];

    private static string GoldenPath => Path.Combine(AppContext.BaseDirectory, "Liveness", "golden", "mini-fasnet.json");

    [Fact]
    public void Synthetic_crop_tensor_and_logits_match_the_golden_values()
    {
        var golden = Golden();
        var image = LivenessTensorTests.Synthetic(320, 240);
        var crop = ContextCrop.Compute(SyntheticBox, image.Width, image.Height, 2.7f);
        var tensor = LivenessTensor.Build(image, crop.Rect);
        var logits = model.Scorer.Logits(tensor);

        Assert.Equal(golden.SyntheticCrop, new[] { crop.Rect.X, crop.Rect.Y, crop.Rect.Width, crop.Rect.Height });
        Assert.Equal(golden.SyntheticTensorSum, tensor.Sum(v => (double)v), 1);
        Assert.Equal(golden.SyntheticProbes, Probes.Select(i => tensor[i]).ToArray());
        Assert.Equal(3, logits.Length);
        for (int i = 0; i < 3; i++) Assert.Equal(golden.SyntheticLogits[i], logits[i], 3);
    }

    [Fact]
    public void The_demo_photo_face_scores_as_golden()
    {
        var golden = Golden();
        var image = TestImages.Decode(PipelineFixture.SampleBytes(1));
        var box = new FaceBox(golden.SampleBox[0], golden.SampleBox[1], golden.SampleBox[2], golden.SampleBox[3]);
        var score = model.Scorer.Score(image, box);
        Assert.True(score.IsDecidable);
        Assert.Equal(golden.SampleLiveScore, score.LiveScore!.Value, 3);
    }

    [Fact]
    public void Softmax_of_logits_gives_the_live_probability()
    {
        Assert.Equal(1 / 3f, MiniFasNetScorer.LiveProbability([2, 2, 2]), 6);
        Assert.Equal(MathF.Exp(1) / (MathF.Exp(1) + 2), MiniFasNetScorer.LiveProbability([1001, 1000, 1000]), 5);
    }

    [Fact]
    public void Regenerate_golden_when_asked()
    {
        if (Environment.GetEnvironmentVariable("ACCESSGRID_WRITE_GOLDEN") != "1") return;
        var image = LivenessTensorTests.Synthetic(320, 240);
        var crop = ContextCrop.Compute(SyntheticBox, image.Width, image.Height, 2.7f);
        var tensor = LivenessTensor.Build(image, crop.Rect);
        using var pipeline = FacePipeline.Load(RepoPaths.ModelsDirectory);
        var face = pipeline.Analyze(PipelineFixture.SampleBytes(1)).Primary ?? throw new InvalidOperationException("no face in sample1");
        var sample = TestImages.Decode(PipelineFixture.SampleBytes(1));
        var golden = new GoldenValues(
            [crop.Rect.X, crop.Rect.Y, crop.Rect.Width, crop.Rect.Height],
            tensor.Sum(v => (double)v), [.. Probes.Select(i => tensor[i])], model.Scorer.Logits(tensor),
            [face.Box.X, face.Box.Y, face.Box.Width, face.Box.Height], model.Scorer.Score(sample, face.Box).LiveScore!.Value);
        var source = Path.Combine(RepoPaths.RepositoryRoot, "tests", "Vision.Tests", "Liveness", "golden", "mini-fasnet.json");
        Directory.CreateDirectory(Path.GetDirectoryName(source)!);
        File.WriteAllText(source, JsonSerializer.Serialize(golden, new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    private static GoldenValues Golden() =>
        JsonSerializer.Deserialize<GoldenValues>(File.ReadAllText(GoldenPath)) ?? throw new InvalidOperationException($"{GoldenPath} is empty");

    public sealed record GoldenValues(
        int[] SyntheticCrop, double SyntheticTensorSum, float[] SyntheticProbes, float[] SyntheticLogits,
        float[] SampleBox, float SampleLiveScore);
}

using AccessGrid.TestSupport;
using SkiaSharp;

namespace AccessGrid.Vision.Tests.Pipeline;

/// <summary>Analyze never throws on bad input: each case comes back as the right <see cref="ImageProblemKind"/>.</summary>
[Collection(PipelineCollection.Name)]
public sealed class BadInputTests(PipelineFixture fixture)
{
    public static IEnumerable<object[]> Cases()
    {
        yield return ["empty", ImageProblemKind.Empty];
        yield return ["garbage", ImageProblemKind.NotAnImage];
        yield return ["truncated jpeg", ImageProblemKind.Corrupt];
        yield return ["10000x10000 png header", ImageProblemKind.TooLarge];
        yield return ["blank grey image", ImageProblemKind.NoFace];
        yield return ["1x1 image", ImageProblemKind.NoFace];
    }

    private static byte[] Make(string name)
    {
        switch (name)
        {
            case "empty": return [];
            case "garbage":
                var garbage = new byte[10_000];
                new Random(11).NextBytes(garbage);
                return garbage;
            case "truncated jpeg":
                var jpeg = PipelineFixture.SampleBytes(1);
                return jpeg[..(jpeg.Length / 3)];
            case "10000x10000 png header": return TestImages.PngDeclaring(10_000, 10_000);
            case "blank grey image": return TestImages.Encode(TestImages.Solid(640, 480, 128, 128, 128), SKEncodedImageFormat.Jpeg);
            default: return TestImages.Encode(TestImages.Solid(1, 1, 90, 60, 30), SKEncodedImageFormat.Png);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Bad_input_gives_a_typed_problem(string name, ImageProblemKind expected)
    {
        var analysis = fixture.Pipeline.Analyze(Make(name));

        Assert.Equal(expected, analysis.Problem?.Kind);
        Assert.False(analysis.Succeeded);
        Assert.Empty(analysis.Faces);
        Assert.Null(analysis.Primary);
        Assert.False(string.IsNullOrWhiteSpace(analysis.Problem!.Message));
    }

    [Fact]
    public void Faces_below_the_minimum_size_are_FaceTooSmall()
    {
        using var strict = FacePipeline.Load(RepoPaths.ModelsDirectory, new PipelineOptions { MinFaceSize = 1000 });
        var analysis = strict.Analyze(PipelineFixture.SampleBytes(2));
        Assert.Equal(ImageProblemKind.FaceTooSmall, analysis.Problem?.Kind);
        Assert.Equal((1920, 1367), (analysis.Width, analysis.Height));
    }

    [Fact]
    public void AnalyzeMany_reports_each_image_on_its_own()
    {
        var results = fixture.Pipeline.AnalyzeMany([[], PipelineFixture.SampleBytes(2), Make("garbage")]);
        Assert.Equal(ImageProblemKind.Empty, results[0].Problem?.Kind);
        Assert.True(results[1].Succeeded);
        Assert.Equal(ImageProblemKind.NotAnImage, results[2].Problem?.Kind);
    }

    [Fact]
    public void Missing_models_are_a_clear_error_and_bad_options_are_refused()
    {
        var empty = Directory.CreateTempSubdirectory("ag-no-models-");
        try
        {
            var e = Assert.Throws<ModelsNotInstalledException>(() => FacePipeline.Load(empty.FullName));
            Assert.Equal(3, e.Missing.Count); // detector, landmarks and the recognition net the options choose
            Assert.Contains("models install", e.Message);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
        Assert.Throws<ArgumentException>(() => FacePipeline.Load(RepoPaths.ModelsDirectory, new PipelineOptions { DetectorSize = 400 }));
    }
}

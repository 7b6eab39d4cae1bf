using System.Text.Json;
using AccessGrid.TestSupport;
using SkiaSharp;

namespace AccessGrid.Cli.Tests.Commands;

/// <summary>detect, embed and verify on face-api's demo photos (installed with the models), invoked in-process.</summary>
public sealed class FaceCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("accessgrid-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Detect_reports_every_face_and_marks_one_primary()
    {
        var run = await CliRun.InvokeAsync("detect", RepoPaths.SampleImage(1), "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var faces = json.RootElement.GetProperty("faces").EnumerateArray().ToArray();
        Assert.True(faces.Length >= 2, $"sample1 shows several people, found {faces.Length}");
        Assert.Equal([true], faces.Select(f => f.GetProperty("primary").GetBoolean()).Where(p => p));
        Assert.True(faces[0].GetProperty("primary").GetBoolean());
        Assert.All(faces, f => Assert.Equal(68, f.GetProperty("landmarks").GetArrayLength()));
        Assert.All(faces, f => Assert.InRange(f.GetProperty("score").GetDouble(), 0.5, 1.0));
        Assert.True(faces[0].GetProperty("quality").GetProperty("size_px").GetDouble() > 20);
    }

    [Fact]
    public async Task Detect_draws_boxes_onto_a_png_of_the_same_size()
    {
        var drawn = Path.Combine(_folder, "faces.png");

        var run = await CliRun.InvokeAsync("detect", RepoPaths.SampleImage(2), "--draw", drawn);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("primary", run.Output);
        using var original = SKBitmap.Decode(RepoPaths.SampleImage(2));
        using var png = SKBitmap.Decode(drawn);
        Assert.Equal((original.Width, original.Height), (png.Width, png.Height));
    }

    [Fact]
    public async Task Embed_prints_a_unit_length_128_d_encoding()
    {
        var run = await CliRun.InvokeAsync("embed", RepoPaths.SampleImage(3), "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var embedding = json.RootElement.GetProperty("embedding").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(128, embedding.Length);
        Assert.Equal(1.0, Math.Sqrt(embedding.Sum(v => v * v)), 3);
        Assert.True(json.RootElement.GetProperty("faces").GetInt32() >= 1);
    }

    [Fact]
    public async Task Verify_says_same_person_for_the_same_photo()
    {
        var run = await CliRun.InvokeAsync("verify", RepoPaths.SampleImage(4), RepoPaths.SampleImage(4), "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.True(json.RootElement.GetProperty("same_person").GetBoolean());
        Assert.InRange(json.RootElement.GetProperty("euclidean").GetDouble(), 0, 1e-3);
    }

    [Fact]
    public async Task Verify_exits_3_for_different_people()
    {
        var run = await CliRun.InvokeAsync("verify", RepoPaths.SampleImage(2), RepoPaths.SampleImage(4));

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("different people", run.Output);
    }

    [Fact]
    public async Task Verify_names_the_image_without_a_face()
    {
        var blank = Path.Combine(_folder, "blank.png");
        using (var bitmap = new SKBitmap(320, 240))
        {
            bitmap.Erase(new SKColor(128, 128, 128));
            using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            await File.WriteAllBytesAsync(blank, data.ToArray());
        }

        var run = await CliRun.InvokeAsync("verify", RepoPaths.SampleImage(4), blank);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("blank.png", run.Error);
        Assert.Contains("NoFace", run.Error);
    }
}

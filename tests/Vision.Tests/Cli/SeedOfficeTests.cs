using System.Text.Json;
using AccessGrid.TestSupport;

namespace AccessGrid.Vision.Tests.Cli;

/// <summary>The seed office (shared/datasets/seed): who_is_it outcomes the original notebook published, through `identify`
/// with the default 1:K threshold.</summary>
public sealed class SeedOfficeTests : IDisposable
{
    private static readonly string[] Enrolled =
        ["danielle.png", "younes.jpg", "tian.jpg", "kian.jpg", "dan.jpg", "sebastiano.jpg", "bertrand.jpg", "kevin.jpg", "felix.jpg", "benoit.jpg", "arnaud.jpg"];

    private readonly string _gallery = Directory.CreateTempSubdirectory("accessgrid-seed-").FullName;

    public SeedOfficeTests()
    {
        if (RepoPaths.SharedDirectory is null) return;
        foreach (var file in Enrolled)
        {
            var person = Path.Combine(_gallery, Path.GetFileNameWithoutExtension(file));
            Directory.CreateDirectory(person);
            File.Copy(Seed(file), Path.Combine(person, file));
        }
    }

    public void Dispose() => Directory.Delete(_gallery, recursive: true);

    private static string Seed(string file) => RepoPaths.Shared("datasets", "seed", file);

    [SharedDataTheory]
    [InlineData("camera_0.jpg", "younes")]
    [InlineData("camera_3.jpg", "bertrand")]
    [InlineData("andrew.jpg", null)]
    public async Task Identify_reproduces_the_published_outcome(string probe, string? expected)
    {
        var run = await CliRun.InvokeAsync("identify", "--gallery", _gallery, Seed(probe), "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(11, json.RootElement.GetProperty("gallery_people").GetInt32());
        Assert.Equal(expected, json.RootElement.GetProperty("identity").GetString());
    }

    [SharedDataFact]
    public async Task Verify_opens_for_camera_0_as_younes()
    {
        var run = await CliRun.InvokeAsync("verify", Seed("camera_0.jpg"), Seed("younes.jpg"), "--json");

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(run.Output);
        Assert.True(json.RootElement.GetProperty("same_person").GetBoolean());
    }
}

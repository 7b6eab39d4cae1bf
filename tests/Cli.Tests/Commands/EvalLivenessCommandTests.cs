using System.Text.Json;
using AccessGrid.TestSupport;

namespace AccessGrid.Cli.Tests.Commands;

/// <summary>`accessgrid eval liveness`: its argument errors, and a small run on NUAA frames from ../shared.</summary>
public sealed class EvalLivenessCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("accessgrid-liveness-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Folder(string name, params string[] files)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(path);
        foreach (var file in files) File.WriteAllBytes(Path.Combine(path, file), [0xFF, 0xD8, 0xFF]);
        return path;
    }

    [Fact]
    public async Task A_missing_folder_is_named()
    {
        var run = await CliRun.InvokeAsync("eval", "liveness", "--live", Path.Combine(_folder, "nope"), "--spoof", Folder("spoof", "0001_00_00_01_1.jpg"), "--out", _folder);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--live", run.Error);
        Assert.Contains("folder not found", run.Error);
    }

    [Fact]
    public async Task An_empty_folder_or_a_file_instead_of_a_folder_is_refused()
    {
        var live = Folder("live", "0001_00_00_01_1.jpg");
        var empty = await CliRun.InvokeAsync("eval", "liveness", "--live", live, "--spoof", Folder("empty", "notes.txt"), "--out", _folder);
        Assert.Equal(1, empty.ExitCode);
        Assert.Contains("holds no .jpg", empty.Error);

        var file = await CliRun.InvokeAsync("eval", "liveness", "--live", Path.Combine(live, "0001_00_00_01_1.jpg"), "--spoof", live, "--out", _folder);
        Assert.Equal(1, file.ExitCode);
        Assert.Contains("is a file", file.Error);
    }

    [Fact]
    public async Task Calibration_folders_come_in_pairs()
    {
        var live = Folder("live", "0001_00_00_01_1.jpg");
        var run = await CliRun.InvokeAsync("eval", "liveness", "--live", live, "--spoof", live, "--calibrate-live", live, "--out", _folder);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--calibrate-spoof", run.Error);
    }

    [Fact]
    public async Task One_subject_cannot_be_split_and_the_error_says_what_to_do()
    {
        var run = await CliRun.InvokeAsync("eval", "liveness", "--live", Folder("live", "0001_00_00_01_1.jpg"),
            "--spoof", Folder("spoof", "0001_00_00_01_5.jpg"), "--out", _folder);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("at least 2 subjects", run.Error);
        Assert.Contains("--calibrate-live", run.Error);
    }

    [Fact]
    public async Task Required_options_are_required()
    {
        var run = await CliRun.InvokeAsync("eval", "liveness", "--live", _folder);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--spoof", run.Error);
    }

    [SharedDataFact]
    public async Task A_small_NUAA_subset_writes_every_report_with_the_promised_keys()
    {
        // Four subjects, the first 12 frames of one live and one printed-photo session each: two subjects calibrate,
        // two are reported on.
        var live = Path.Combine(_folder, "live");
        var spoof = Path.Combine(_folder, "spoof");
        foreach (var (source, target) in new[] { ("live", live), ("spoof", spoof) })
        foreach (var subject in new[] { "0001", "0002", "0003", "0004" })
        {
            var frames = Directory.GetFiles(RepoPaths.Shared("datasets", "pad-nuaa-train", source, subject), "*.jpg")
                .Select(f => (Path: f, Name: Path.GetFileNameWithoutExtension(f)))
                .GroupBy(f => f.Name[..f.Name.LastIndexOf('_')])
                .OrderBy(g => g.Key, StringComparer.Ordinal).First()
                .OrderBy(f => int.Parse(f.Name[(f.Name.LastIndexOf('_') + 1)..])).Take(12);
            Directory.CreateDirectory(target);
            foreach (var frame in frames) File.Copy(frame.Path, Path.Combine(target, Path.GetFileName(frame.Path)));
        }
        var output = Path.Combine(_folder, "report");

        var run = await CliRun.InvokeAsync("eval", "liveness", "--live", live, "--spoof", spoof, "--bursts", "--out", output);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("frames scored", run.Error);
        foreach (var file in new[] { "report.md", "report.json", "det.png" })
            Assert.True(new FileInfo(Path.Combine(output, file)) is { Exists: true, Length: > 0 }, $"{file} missing");
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json")));
        var root = json.RootElement;
        foreach (var key in new[] { "auc", "apcer_at_bpcer_0.01", "apcer_at_bpcer_0.03", "bpcer_at_apcer_0.05", "threshold", "ms_per_frame", "burst_apcer", "burst_bpcer" })
            Assert.InRange(root.GetProperty(key).GetDouble(), 0, 1000);
        Assert.Equal(24, root.GetProperty("frames_live").GetInt32());
        Assert.Equal(24, root.GetProperty("frames_spoof").GetInt32());
        Assert.Equal(2, root.GetProperty("sessions_live").GetInt32());
        Assert.Equal(2, root.GetProperty("sessions_spoof").GetInt32());
        Assert.True(root.GetProperty("undecidable").GetInt32() >= 0);
        Assert.Equal(["0001", "0003"], root.GetProperty("calibration_subjects").EnumerateArray().Select(e => e.GetString()));
    }
}

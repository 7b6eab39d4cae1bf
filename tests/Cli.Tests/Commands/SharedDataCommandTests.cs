using System.Text.Json;
using AccessGrid.TestSupport;
using AccessGrid.Vision;

namespace AccessGrid.Cli.Tests.Commands;

/// <summary>identify and eval pairs on LFW images from ../shared.</summary>
public sealed class SharedDataCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("accessgrid-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Lfw(params string[] parts) => RepoPaths.Shared(["datasets", "lfw-dev", .. parts]);

    private static string[] PersonImages(string name) => Directory.GetFiles(Lfw("images", name)).Order(StringComparer.Ordinal).ToArray();

    [SharedDataFact]
    public async Task Identify_finds_an_enrolled_person_and_rejects_a_stranger()
    {
        var gallery = Path.Combine(_folder, "gallery");
        // lfw-dev keeps only the images its pairs use: enroll the first ones found, probe with a later one.
        foreach (var (name, count) in new[] { ("Colin_Powell", 3), ("Donald_Rumsfeld", 3), ("Tony_Blair", 1) })
        {
            Directory.CreateDirectory(Path.Combine(gallery, name));
            foreach (var image in PersonImages(name).Take(count)) File.Copy(image, Path.Combine(gallery, name, Path.GetFileName(image)));
        }
        var probe = PersonImages("Colin_Powell")[3];
        var stranger = PersonImages("George_W_Bush")[0];

        var known = await CliRun.InvokeAsync("identify", "--gallery", gallery, probe, "--json");
        var unknown = await CliRun.InvokeAsync("identify", "--gallery", gallery, stranger, "--json");

        Assert.Equal(0, known.ExitCode);
        using var knownJson = JsonDocument.Parse(known.Output);
        Assert.Equal("Colin_Powell", knownJson.RootElement.GetProperty("identity").GetString());
        Assert.True(knownJson.RootElement.GetProperty("margin").GetDouble() > 0);
        Assert.Equal(3, knownJson.RootElement.GetProperty("gallery_people").GetInt32());

        Assert.Equal(3, unknown.ExitCode); // Unknown: the command worked, the answer is no
        using var unknownJson = JsonDocument.Parse(unknown.Output);
        Assert.False(unknownJson.RootElement.GetProperty("known").GetBoolean());
        Assert.Equal(JsonValueKind.Null, unknownJson.RootElement.GetProperty("identity").ValueKind);
    }

    [SharedDataFact]
    public async Task Eval_pairs_on_a_subset_writes_all_three_reports()
    {
        // 20 same + 20 different pairs from each file: the files list all same-person pairs first.
        var test = Subset(Lfw("pairsDevTest.txt"), "test.txt", 20);
        var calibration = Subset(Lfw("pairsDevTrain.txt"), "train.txt", 20);
        var output = Path.Combine(_folder, "report");

        var run = await CliRun.InvokeAsync("eval", "pairs", "--pairs", test, "--calibrate-on", calibration,
            "--images", Lfw("images"), "--out", output, "--variant", "subset");

        Assert.True(run.ExitCode == 0, run.Error);
        foreach (var file in new[] { "report.md", "report.json", "roc.png", "pairs.csv" })
            Assert.True(new FileInfo(Path.Combine(output, file)) is { Exists: true, Length: > 0 }, $"{file} missing");

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json")));
        var root = json.RootElement;
        foreach (var key in new[] { "accuracy", "auc", "tar_at_far_1e-3", "eer", "threshold_euclidean", "threshold_cosine",
                     "images", "detection_failures", "ms_per_image", "variant", "options", "baselines",
                     "accuracy_excluding_failures", "threshold_euclidean_at_far_1e-3", "cpu_ms_per_image" })
            Assert.True(root.TryGetProperty(key, out _), $"report.json lacks {key}");
        Assert.Equal("subset", root.GetProperty("variant").GetString());
        Assert.Equal(40, root.GetProperty("pairs").GetInt32());
        // The encoder must beat the naive pixel baseline by far even on 40 pairs (LFW: ~98 % vs ~60 %).
        Assert.InRange(root.GetProperty("accuracy").GetDouble(), 0.85, 1.0);
        Assert.InRange(root.GetProperty("auc").GetDouble(), 0.9, 1.0);

        var baselines = root.GetProperty("baselines");
        Assert.True(baselines.GetProperty("pixel_l2").TryGetProperty("accuracy", out _));
        Assert.True(baselines.GetProperty("pixel_l2").TryGetProperty("threshold", out _));
        var triplet = baselines.GetProperty("triplet");
        Assert.Equal(0.2, triplet.GetProperty("margin").GetDouble());
        Assert.Equal(20, triplet.GetProperty("triplets").GetInt32() + triplet.GetProperty("skipped").GetInt32());
        foreach (var key in new[] { "mean_loss", "violated_fraction" }) Assert.True(triplet.TryGetProperty(key, out _));
        Assert.Contains("subset", await File.ReadAllTextAsync(Path.Combine(output, "report.md")));
        Assert.Equal(41, (await File.ReadAllLinesAsync(Path.Combine(output, "pairs.csv"))).Length);
    }

    [SharedDataFact]
    public async Task Eval_pairs_on_a_folded_file_runs_cross_validation()
    {
        // A View 2 style file with 2 folds of 4 same + 4 different pairs, cut from pairsDevTest.
        var lines = File.ReadAllLines(Lfw("pairsDevTest.txt"));
        var same = lines.Skip(1).Take(8).ToArray();
        var different = lines.Skip(501).Take(8).ToArray();
        var pairs = Path.Combine(_folder, "folds.txt");
        File.WriteAllLines(pairs, ["2 4", .. same[..4], .. different[..4], .. same[4..], .. different[4..]]);
        var output = Path.Combine(_folder, "folds");

        var run = await CliRun.InvokeAsync("eval", "pairs", "--pairs", pairs, "--images", Lfw("images"), "--out", output);

        Assert.True(run.ExitCode == 0, run.Error);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "report.json")));
        Assert.Equal("CrossValidated", json.RootElement.GetProperty("protocol").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("folds").GetArrayLength());
        Assert.Equal(JsonValueKind.Number, json.RootElement.GetProperty("accuracy_std").ValueKind);
        Assert.Equal("default", json.RootElement.GetProperty("variant").GetString());
    }

    [SharedDataFact]
    public async Task Eval_openset_writes_its_reports_and_reuses_the_encodings_cache()
    {
        // A small LFW-layout folder: 4 people with 3+ photos (gallery) and 3 with one photo (impostors).
        var images = Path.Combine(_folder, "openset");
        var people = Directory.GetDirectories(Lfw("images")).Order(StringComparer.Ordinal).ToArray();
        var chosen = people.Where(p => Directory.GetFiles(p).Length >= 3).Take(4).Concat(people.Where(p => Directory.GetFiles(p).Length == 1).Take(3));
        foreach (var person in chosen)
        {
            var target = Directory.CreateDirectory(Path.Combine(images, Path.GetFileName(person))).FullName;
            foreach (var image in Directory.GetFiles(person)) File.Copy(image, Path.Combine(target, Path.GetFileName(image)));
        }
        var cache = Path.Combine(_folder, "encodings.json");
        var first = Path.Combine(_folder, "os-first");
        var second = Path.Combine(_folder, "os-second");

        var run = await CliRun.InvokeAsync("eval", "openset", "--images", images, "--enroll", "1", "--cache", cache, "--out", first);
        var cached = await CliRun.InvokeAsync("eval", "openset", "--images", images, "--enroll", "1", "--cache", cache, "--out", second, "--models", _folder);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(cached.ExitCode == 0, cached.Error); // --models points at a folder without models: only the cache can answer
        Assert.True(File.Exists(Path.Combine(first, "det.png")));
        Assert.Contains("FNIR", await File.ReadAllTextAsync(Path.Combine(first, "report.md")));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(first, "report.json")));
        var door = json.RootElement.GetProperty("door");
        Assert.Equal(4, json.RootElement.GetProperty("gallery_people").GetInt32());
        Assert.Equal(3, door.GetProperty("impostor_probes").GetInt32());
        Assert.Equal(new DecisionThresholds().IdentifyThreshold(4), door.GetProperty("threshold").GetSingle());
        Assert.Equal(run.Output.Split('\n')[0], cached.Output.Split('\n')[0]);
    }

    private string Subset(string source, string name, int perClass)
    {
        var lines = File.ReadAllLines(source);
        var total = int.Parse(lines[0]);
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, [$"{perClass}", .. lines.Skip(1).Take(perClass), .. lines.Skip(1 + total).Take(perClass)]);
        return path;
    }
}

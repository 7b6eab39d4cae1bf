using System.Text.Json;
using AccessGrid.Benchmarks.Vectors;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Grains;
using AccessGrid.Grains.Backup;
using AccessGrid.Ops.Load;
using AccessGrid.Vision;

namespace AccessGrid.Ops.Scale;

/// <summary>The scale run's people as a backup stream: every lfw-dev person with two or more photos is a real person
/// (id as the load generator names them, template = their first photo's encoding, as enrollment would store it); the
/// rest up to the total are synthetic identities, one template each, drawn from <see cref="GaussianModel"/> fitted to
/// all of those people's encodings (ids <c>synth-NNNNNN</c>). Everyone holds a grant on the load doors' zone.</summary>
public static class ScaleGallery
{
    public const string Zone = "load";

    /// <summary>Writes the stream; returns how many people are real and how many synthetic.</summary>
    public static async Task<(int Real, int Synthetic)> Write(string imagesFolder, int people, ModelVersion model, Stream output,
        Action<string> log, CancellationToken ct)
    {
        var persons = Directory.EnumerateDirectories(imagesFolder).Order(StringComparer.Ordinal)
            .Select(d => (Name: Path.GetFileName(d), Images: Directory.EnumerateFiles(d, "*.jpg").Order(StringComparer.Ordinal).ToList()))
            .Where(p => p.Images.Count >= 2).ToList();
        var paths = persons.SelectMany(p => p.Images).ToList();
        var analyses = await Encodings(paths, model, log, ct);

        var now = DateTimeOffset.UtcNow;
        var grants = new[] { new Grant(GrantScope.Zone, Zone, GrantTerms.Always, 0, now) };
        var (encodings, labels) = (new List<float[]>(), new List<string>());
        var real = new List<StaffRecord>();
        var index = 0;
        foreach (var person in persons)
        {
            var first = true;
            foreach (var _ in person.Images)
            {
                if (analyses[index++] is { } face)
                {
                    encodings.Add(face.Embedding);
                    labels.Add(person.Name);
                    if (first && real.Count < people)
                        real.Add(new StaffRecord(FrameLibrary.StaffIdOf(person.Name), person.Name.Replace('_', ' '), StaffStatus.Active, now,
                            [StoredTemplate.From(new FaceTemplate(Guid.NewGuid(), face.Embedding, face.Quality, now))], grants));
                }
                first = false;
            }
        }

        var synthetic = people - real.Count;
        var fitted = GaussianModel.Fit(new VectorSet(encodings.Count, encodings[0].Length, [.. encodings.SelectMany(e => e)]), labels);
        log($"{real.Count} real people; generating {synthetic} synthetic identities ({fitted.Description})");
        var (vectors, _) = fitted.Generate(Math.Max(synthetic, 0), Math.Max(synthetic, 1), 0, seed: 14);

        using var writer = new BackupWriter(output);
        await writer.Write(new BackupHeader(BackupHeader.CurrentFormat, now, model), ct);
        foreach (var person in real) await writer.Write(new BackupPerson(person), ct);
        var typical = new TemplateQuality(0.9f, 120, 150, 0.5f, 0, 0);
        for (var i = 0; i < synthetic; i++)
        {
            var embedding = vectors[i].ToArray();
            await writer.Write(new BackupPerson(new StaffRecord($"synth-{i:D6}", $"Synthetic {i:D6}", StaffStatus.Active, now,
                [StoredTemplate.From(new FaceTemplate(Guid.NewGuid(), embedding, typical, now))], grants)), ct);
        }
        await writer.Finish(ct);
        return (real.Count, Math.Max(synthetic, 0));
    }

    /// <summary>The primary face's encoding and quality per photo (null: no face), kept under $ACCESSGRID_HOME/scale
    /// per model version: encoding the photos takes minutes on a busy machine, and a rerun should not pay it again.</summary>
    private static async Task<Encoded?[]> Encodings(List<string> paths, ModelVersion model, Action<string> log, CancellationToken ct)
    {
        var cache = Path.Combine(ModelStore.Home, "scale", $"lfw-dev-{model.Sha256[..12]}-{paths.Count}.json");
        if (File.Exists(cache))
        {
            log($"{paths.Count} lfw-dev encodings from {cache}");
            await using var read = File.OpenRead(cache);
            return (await JsonSerializer.DeserializeAsync<Encoded?[]>(read, cancellationToken: ct))!;
        }
        log($"encoding {paths.Count} lfw-dev photos (real templates, and the generator's fit)");
        FaceAnalysis[] analyses;
        using (var pipeline = FacePipeline.Load())
            analyses = ImageBatchAnalyzer.Analyze(pipeline, paths, _ => { }, cancellationToken: ct);
        var encoded = analyses.Select(a => a.Primary is { } f
            ? new Encoded(f.Embedding, new TemplateQuality(f.Score, f.Quality.SizePx, f.Quality.Sharpness, f.Quality.Brightness, f.Quality.RollDegrees, f.Quality.YawDegrees))
            : null).ToArray();
        Directory.CreateDirectory(Path.GetDirectoryName(cache)!);
        await File.WriteAllTextAsync(cache, JsonSerializer.Serialize(encoded), ct);
        return encoded;
    }

    /// <summary>One photo's primary face as enrollment would keep it.</summary>
    private sealed record Encoded(float[] Embedding, TemplateQuality Quality);
}

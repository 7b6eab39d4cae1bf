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
        log($"encoding {paths.Count} photos of {persons.Count} lfw-dev people (real templates, and the generator's fit)");
        FaceAnalysis[] analyses;
        using (var pipeline = FacePipeline.Load())
            analyses = ImageBatchAnalyzer.Analyze(pipeline, paths, _ => { }, cancellationToken: ct);

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
                if (analyses[index++] is { Primary: { } face })
                {
                    encodings.Add(face.Embedding);
                    labels.Add(person.Name);
                    if (first && real.Count < people)
                        real.Add(new StaffRecord(FrameLibrary.StaffIdOf(person.Name), person.Name.Replace('_', ' '), StaffStatus.Active, now,
                            [StoredTemplate.From(new FaceTemplate(Guid.NewGuid(), face.Embedding, Quality(face), now))], grants));
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

    private static TemplateQuality Quality(Face face) =>
        new(face.Score, face.Quality.SizePx, face.Quality.Sharpness, face.Quality.Brightness, face.Quality.RollDegrees, face.Quality.YawDegrees);
}

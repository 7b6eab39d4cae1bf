using AccessGrid.Benchmarks.Index;
using AccessGrid.Benchmarks.Vectors;

namespace AccessGrid.Benchmarks;

/// <summary>`vectors …`: writes galleries, queries and exact answers for every engine to read.</summary>
public static class VectorCommands
{
    public static int Synth(BenchArguments cl)
    {
        var name = cl.Text("name", "");
        int count = cl.Int("count", 100_000), perIdentity = cl.Int("per-identity", 4), queries = cl.Int("queries", 2000), seed = cl.Int("seed", 1);
        var fit = cl.Text("fit", "");
        cl.RejectUnknown();
        if (name.Length == 0) throw new ArgumentException("--name is required.");
        if (count < 1 || perIdentity < 1 || queries < 1) throw new ArgumentException("--count, --per-identity and --queries must be positive.");

        var model = fit.Length == 0 ? GaussianModel.Isotropic(128) : FitTo(fit);
        Console.WriteLine($"model: {model.Description}");
        var (gallery, probe) = model.Generate(count, Math.Max(1, count / perIdentity), queries, seed);
        var truth = GroundTruth.Compute(gallery, probe);
        new IndexDataset(name, gallery, probe, truth).Save(BenchPaths.Vectors);
        Console.WriteLine($"wrote {name}: {count} × 128 gallery, {queries} queries, exact answers → {BenchPaths.Vectors}");
        return 0;
    }

    private static GaussianModel FitTo(string name)
    {
        var labelsPath = Path.Combine(BenchPaths.Vectors, $"{name}.labels.txt");
        if (!File.Exists(labelsPath)) throw new FileNotFoundException($"--fit {name} needs {labelsPath} (written by `vectors lfw`).", labelsPath);
        var encodings = VectorSet.Load(Path.Combine(BenchPaths.Vectors, $"{name}.all.f32"));
        return GaussianModel.Fit(encodings, File.ReadAllLines(labelsPath));
    }
}

using AccessGrid.Vision;

namespace AccessGrid.Benchmarks;

/// <summary>Where benchmark inputs and results live: under $ACCESSGRID_HOME/bench, never in the repository.</summary>
public static class BenchPaths
{
    public static string Root => Path.Combine(ModelStore.Home, "bench");
    public static string Vectors => Path.Combine(Root, "vectors");
    public static string Results => Path.Combine(Root, "results");

    /// <summary>A saved one-shard graph of a dataset, e.g. synth-1m.ip-m32-efc200.usearch.</summary>
    public static string IndexSnapshot(string dataset, string settings) => Path.Combine(Root, "index", $"{dataset}.{settings}.usearch");

    public static string RepositoryRoot =>
        ModelStore.FindRepositoryRoot(Environment.CurrentDirectory) ?? ModelStore.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Run the benchmarks from inside the AccessGrid repository.");

    /// <summary>../shared beside the repository (lfw-dev lives there), or null.</summary>
    public static string? Shared
    {
        get
        {
            var dir = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
            return Directory.Exists(Path.Combine(dir, "datasets")) ? dir : null;
        }
    }

    public static string FaceApiPackage => Path.Combine(ModelStore.Home, "npm", "face-api", "package");

    public static void Append(string file, IEnumerable<Index.SweepResult> results)
    {
        Directory.CreateDirectory(Results);
        var path = Path.Combine(Results, file);
        foreach (var r in results)
        {
            Console.WriteLine(r);
            File.AppendAllText(path, r.ToJson() + Environment.NewLine);
        }
    }
}

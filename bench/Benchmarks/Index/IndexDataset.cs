using AccessGrid.Benchmarks.Vectors;

namespace AccessGrid.Benchmarks.Index;

/// <summary>A gallery, its queries and their exact nearest rows, as written by `vectors` into one folder.</summary>
public sealed record IndexDataset(string Name, VectorSet Base, VectorSet Queries, int[] Truth)
{
    public static string BasePath(string folder, string name) => Path.Combine(folder, $"{name}.base.f32");
    public static string QueriesPath(string folder, string name) => Path.Combine(folder, $"{name}.queries.f32");
    public static string TruthPath(string folder, string name) => Path.Combine(folder, $"{name}.truth.i32");

    public static IndexDataset Load(string folder, string name)
    {
        var path = BasePath(folder, name);
        if (!File.Exists(path)) throw new FileNotFoundException($"No vector set '{name}' in {folder}: run `vectors` first.", path);
        return new IndexDataset(name, VectorSet.Load(path), VectorSet.Load(QueriesPath(folder, name)), GroundTruth.Load(TruthPath(folder, name)));
    }

    public void Save(string folder)
    {
        Base.Save(BasePath(folder, Name));
        Queries.Save(QueriesPath(folder, Name));
        GroundTruth.Save(TruthPath(folder, Name), Truth);
    }
}

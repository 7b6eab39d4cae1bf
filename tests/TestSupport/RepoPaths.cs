using AccessGrid.Vision;

namespace AccessGrid.TestSupport;

/// <summary>Paths tests need: the repository, ../shared beside it (CI only), the installed models and face-api package.</summary>
public static class RepoPaths
{
    public static string RepositoryRoot { get; } =
        ModelStore.FindRepositoryRoot(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException("Tests must run from inside the AccessGrid repository.");

    /// <summary>../shared next to the repository, or null on a fresh clone without it.</summary>
    public static string? SharedDirectory { get; } = FindShared();

    public static string ModelsDirectory => ModelStore.ModelsDirectory;

    /// <summary>The unpacked npm package the installer keeps (its demo/sample*.jpg are test images).</summary>
    public static string FaceApiPackageDirectory => Path.Combine(ModelStore.Home, "npm", "face-api", "package");

    public static string Shared(params string[] parts) =>
        Path.Combine([SharedDirectory ?? throw new InvalidOperationException("../shared is not available"), .. parts]);

    public static string SampleImage(int n) => Path.Combine(FaceApiPackageDirectory, "demo", $"sample{n}.jpg");

    private static string? FindShared()
    {
        var dir = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));
        return Directory.Exists(Path.Combine(dir, "datasets")) ? dir : null;
    }
}

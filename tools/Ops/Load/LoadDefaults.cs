using AccessGrid.Vision;

namespace AccessGrid.Ops.Load;

/// <summary>Where a load run finds its target, key and images when the command line does not say.</summary>
public static class LoadDefaults
{
    public const string Url = "http://127.0.0.1:5080";

    /// <summary>The admin key `accessgrid up` wrote on first start.</summary>
    public static string AdminKeyFile => Path.Combine(ModelStore.Home, "admin.key");

    /// <summary>lfw-dev's images/ in ../shared beside the repository, when it is there.</summary>
    public static string? ImagesFolder
    {
        get
        {
            var root = ModelStore.FindRepositoryRoot(Environment.CurrentDirectory) ?? ModelStore.FindRepositoryRoot(AppContext.BaseDirectory);
            var folder = root is null ? null : Path.GetFullPath(Path.Combine(root, "..", "shared", "datasets", "lfw-dev", "images"));
            return folder is not null && Directory.Exists(folder) ? folder : null;
        }
    }

    public static string ReadAdminKey(string? key)
    {
        if (!string.IsNullOrWhiteSpace(key)) return key.Trim();
        if (File.Exists(AdminKeyFile)) return File.ReadAllText(AdminKeyFile).Trim();
        throw new FileNotFoundException($"No --key given and no {AdminKeyFile}: start the system with `./accessgrid up` first.");
    }
}

using AccessGrid.TestSupport;
using AccessGrid.Vision;

namespace AccessGrid.ModelConversion.Tests;

/// <summary>The models the test command installs before the tests run (`accessgrid models install`).</summary>
internal static class InstalledModels
{
    public static string File(string name)
    {
        var directory = RepoPaths.ModelsDirectory;
        if (!ModelStore.IsInstalled(directory) || !System.IO.File.Exists(Path.Combine(directory, ModelStore.ManifestFile)))
            throw new InvalidOperationException($"models are not installed in {directory}: run './accessgrid models install'");
        return Path.Combine(directory, name);
    }

    /// <summary>A scratch AccessGrid home that deletes itself.</summary>
    public sealed class TemporaryHome : IDisposable
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("ag-home-").FullName;
        public string Models => Path.Combine(Root, "models");
        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}

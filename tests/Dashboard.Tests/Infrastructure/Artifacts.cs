using AccessGrid.Vision;

namespace AccessGrid.Dashboard.Tests.Infrastructure;

/// <summary>Where the browser tests leave their screenshots: beside the test results, never in the repository's
/// tracked files (.accessgrid is ignored).</summary>
public static class Artifacts
{
    public static string Directory { get; } = System.IO.Directory.CreateDirectory(
        Path.Combine(ModelStore.Home, "test-results", "dashboard")).FullName;

    public static string File(string name) => Path.Combine(Directory, name);
}

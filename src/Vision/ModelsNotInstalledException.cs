namespace AccessGrid.Vision;

/// <summary>The ONNX models are not where the pipeline looked; the message says how to install them.</summary>
public sealed class ModelsNotInstalledException(string directory, IReadOnlyList<string> missing)
    : FileNotFoundException(
        $"Face models missing in {directory}: {string.Join(", ", missing)}. Run `./accessgrid models install` " +
        "(or set ACCESSGRID_HOME to a folder whose models/ holds them).")
{
    public string Directory { get; } = directory;
    public IReadOnlyList<string> Missing { get; } = missing;
}

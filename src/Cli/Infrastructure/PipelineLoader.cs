using AccessGrid.Vision;

namespace AccessGrid.Cli.Infrastructure;

/// <summary>Opens the face pipeline, turning a missing or broken model folder into an actionable one-line error.</summary>
public static class PipelineLoader
{
    public static FacePipeline Load(string? modelsDirectory, PipelineOptions options)
    {
        var directory = Path.GetFullPath(modelsDirectory ?? ModelStore.ModelsDirectory);
        if (!ModelStore.IsInstalled(directory))
            throw new CliException($"face models not found in {directory}: run ./accessgrid models install");
        try
        {
            return FacePipeline.Load(directory, options);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new CliException($"cannot load the face models from {directory} ({e.Message}): run ./accessgrid models install");
        }
    }
}

using System.Security.Cryptography;
using AccessGrid.Vision;
using Microsoft.Extensions.Options;

namespace AccessGrid.Grains;

/// <summary>Which recognition net this silo's encoder loads (the same file <see cref="FacePipeline.Load"/> picks), hashed
/// once on first use: the identity a backup's templates carry.</summary>
public sealed class RecognitionModel(IOptions<AccessGridOptions> options)
{
    private readonly Lazy<ModelVersion?> _version = new(() => Describe(options.Value.ModelsDirectory ?? ModelStore.ModelsDirectory));

    /// <summary>The installed net; throws models_not_installed (Conflict) when its file is missing.</summary>
    public ModelVersion Version => _version.Value ?? throw AccessGridException.Conflict("models_not_installed",
        "The recognition model is not installed on this silo (run `accessgrid models install`), so its version is unknown.");

    private static ModelVersion? Describe(string modelsDirectory)
    {
        var file = new PipelineOptions().RecognitionFile;
        var path = Path.Combine(modelsDirectory, file);
        if (!File.Exists(path)) return null;
        using var stream = File.OpenRead(path);
        return new ModelVersion(file, Convert.ToHexStringLower(SHA256.HashData(stream)));
    }
}

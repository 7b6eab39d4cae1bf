using AccessGrid.Vision;

namespace AccessGrid.Cli.Infrastructure;

/// <summary>Reads image files and analyses them, failing with a message that names the file.</summary>
public static class ImageFiles
{
    /// <summary>No photo a camera or a person sends is this big; refusing first avoids reading gigabytes into memory.</summary>
    public const long MaxFileBytes = 100L * 1024 * 1024;

    public static byte[] Read(string path)
    {
        if (Directory.Exists(path)) throw new CliException($"{path} is a folder, not an image file");
        var file = new FileInfo(path);
        if (!file.Exists) throw new CliException($"file not found: {path}");
        if (file.Length > MaxFileBytes)
            throw new CliException($"{path} is {file.Length / (1024 * 1024)} MB; images over {MaxFileBytes / (1024 * 1024)} MB are refused (TooLarge)");
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException($"cannot read {path}: {e.Message}");
        }
    }

    /// <summary>The analysis of <paramref name="path"/>; throws when it yielded no usable face.</summary>
    public static FaceAnalysis AnalyzeOrFail(FacePipeline pipeline, string path)
    {
        var analysis = pipeline.Analyze(Read(path));
        return analysis.Succeeded ? analysis : throw new CliException(Describe(path, analysis));
    }

    public static string Describe(string path, FaceAnalysis failed) => failed.Problem is { } problem
        ? $"{path}: {problem.Message} ({problem.Kind})"
        : $"{path}: no face found ({ImageProblemKind.NoFace})";
}

using AccessGrid.Vision;

namespace AccessGrid.Cli.Infrastructure;

/// <summary>Reads image files and analyses them, failing with a message that names the file.</summary>
public static class ImageFiles
{
    public static byte[] Read(string path)
    {
        if (Directory.Exists(path)) throw new CliException($"{path} is a folder, not an image file");
        if (!File.Exists(path)) throw new CliException($"file not found: {path}");
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

namespace AccessGrid.Vision;

/// <summary>Where AccessGrid keeps its converted models: $ACCESSGRID_HOME, else the repository's .accessgrid folder.</summary>
public static class ModelStore
{
    public const string RecognitionFile = "face_recognition.onnx";
    /// <summary>The same recognition net quantised to int8 (<see cref="PipelineOptions.Int8Encoder"/>).</summary>
    public const string RecognitionInt8File = "face_recognition_int8.onnx";
    public const string DetectorFile = "tiny_face_detector.onnx";
    public const string LandmarksFile = "face_landmark_68.onnx";
    public const string ManifestFile = "manifest.json";

    /// <summary>The presentation-attack model (MiniFASNet, from npm faceplugin-face-recognition-js).</summary>
    public const string LivenessFile = "fr_liveness.onnx";

    /// <summary>The face-api models `accessgrid models install` converts (float nets and the int8 recognition net).</summary>
    public static readonly string[] ModelFiles = [RecognitionFile, DetectorFile, LandmarksFile, RecognitionInt8File];

    /// <summary>Every file `accessgrid models install` puts in models/ (face pipeline + liveness).</summary>
    public static readonly string[] InstalledFiles = [.. ModelFiles, LivenessFile];

    /// <summary>ACCESSGRID_HOME when set; otherwise .accessgrid beside AccessGrid.sln (searched upward from the
    /// working directory, then from the binaries); otherwise ~/.accessgrid.</summary>
    public static string Home
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("ACCESSGRID_HOME");
            if (!string.IsNullOrWhiteSpace(env)) return Path.GetFullPath(env);
            var root = FindRepositoryRoot(Environment.CurrentDirectory) ?? FindRepositoryRoot(AppContext.BaseDirectory);
            return root is not null
                ? Path.Combine(root, ".accessgrid")
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".accessgrid");
        }
    }

    public static string ModelsDirectory => Path.Combine(Home, "models");

    /// <summary>True when every model file is present (hashes are checked by `accessgrid models verify`).</summary>
    public static bool IsInstalled(string? modelsDirectory = null) =>
        ModelFiles.All(f => File.Exists(Path.Combine(modelsDirectory ?? ModelsDirectory, f)));

    /// <summary>The folder holding AccessGrid.sln at or above <paramref name="start"/>, or null.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AccessGrid.sln"))) return dir.FullName;
        return null;
    }
}

namespace AccessGrid.ModelConversion.Installation;

/// <summary>The pinned npm package the presentation-attack (liveness) model comes from. Its ONNX files are used
/// as shipped (no conversion); only the ones the Vision liveness stage reads are copied into models/.</summary>
public static class LivenessPackage
{
    public const string Name = "faceplugin-face-recognition-js";
    public const string Version = "0.0.1";
    public const string Integrity = "sha512-shriXjd4zJHEwhK1jHK+bWo8Vv6Vu9B/w6RRsd4AFtNM/jaI2vhuOamOSMl9qQmLd8WlQ7dgqN+3C2iOi5pXWw==";
    public const string TarballFile = "faceplugin-face-recognition-js-0.0.1.tgz";

    /// <summary>Recorded in the manifest and printed by the installer: the licence is the publisher's word only.</summary>
    public const string Caveat =
        "MIT as stated by the package's publisher (LICENSE names a template author); no model card, training data " +
        "unknown, the README advertises a separate commercial SDK. Treat liveness as an optional, per-door check.";

    public static NpmPackage Package { get; } = new(Name, Version, Integrity, TarballFile);

    /// <summary>Installed model file → its path inside the tarball.</summary>
    public static IReadOnlyDictionary<string, string> Files { get; } = new Dictionary<string, string>
    {
        [Vision.ModelStore.LivenessFile] = "package/model/fr_liveness.onnx",
    };
}

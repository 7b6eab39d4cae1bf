namespace AccessGrid.ModelConversion.Installation;

/// <summary>The manifest's record of ONNX files copied unchanged from a second npm package (the liveness model).</summary>
/// <param name="Caveat">What the user must know about the models' provenance.</param>
public sealed record PackageModels(string Package, string Version, string Integrity, string Caveat, IReadOnlyList<ModelEntry> Models);

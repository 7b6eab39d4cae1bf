using AccessGrid.ModelConversion.Installation;
using AccessGrid.Vision;

namespace AccessGrid.ModelConversion.Tests;

public sealed class ModelInstallerTests
{
    [Fact]
    public void Verify_accepts_an_intact_copy_and_names_each_tampered_or_missing_file()
    {
        using var home = CopyOfInstalledModels();
        Assert.True(ModelInstaller.Verify(home.Root).IsValid);

        var landmarks = Path.Combine(home.Models, ModelStore.LandmarksFile);
        var bytes = File.ReadAllBytes(landmarks);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(landmarks, bytes);
        File.Delete(Path.Combine(home.Models, ModelStore.DetectorFile));

        var report = ModelInstaller.Verify(home.Root);
        Assert.False(report.IsValid);
        Assert.Equal(
            [(ModelStore.LandmarksFile, VerificationProblemKind.HashMismatch), (ModelStore.DetectorFile, VerificationProblemKind.Missing)],
            report.Problems.Select(p => (p.File, p.Kind)).OrderBy(p => p.File, StringComparer.Ordinal));
    }

    [Fact]
    public void Verify_reports_a_missing_or_unreadable_manifest()
    {
        using var home = new InstalledModels.TemporaryHome();
        Assert.Equal(VerificationProblemKind.ManifestMissing, Assert.Single(ModelInstaller.Verify(home.Root).Problems).Kind);

        Directory.CreateDirectory(home.Models);
        File.WriteAllText(Path.Combine(home.Models, ModelStore.ManifestFile), "{ not json");
        Assert.Equal(VerificationProblemKind.ManifestUnreadable, Assert.Single(ModelInstaller.Verify(home.Root).Problems).Kind);
    }

    [Fact]
    public void Verify_flags_models_made_by_another_converter_version()
    {
        using var home = new InstalledModels.TemporaryHome();
        Directory.CreateDirectory(home.Models);
        foreach (var file in ModelStore.InstalledFiles)
            File.Copy(InstalledModels.File(file), Path.Combine(home.Models, file));
        var manifest = InstallManifest.Read(InstalledModels.File(ModelStore.ManifestFile)) with { ConverterVersion = "0" };
        File.WriteAllBytes(Path.Combine(home.Models, ModelStore.ManifestFile), manifest.ToJson());

        Assert.Equal(VerificationProblemKind.Outdated, Assert.Single(ModelInstaller.Verify(home.Root).Problems).Kind);
    }

    [Fact]
    public async Task Install_is_idempotent_and_deterministic()
    {
        using var home = new InstalledModels.TemporaryHome();
        // Reuse the verified tarballs the real install left, so this needs no registry access.
        CopyInstalledTarballs(home);

        var first = await ModelInstaller.InstallAsync(home.Root);
        Assert.True(first.Converted);
        Assert.True(File.Exists(Path.Combine(home.Root, "npm", "face-api", "package", "demo", "sample1.jpg")));
        var written = ModelStore.InstalledFiles.ToDictionary(f => f, f => File.GetLastWriteTimeUtc(Path.Combine(home.Models, f)));

        var second = await ModelInstaller.InstallAsync(home.Root);
        Assert.False(second.Converted);
        Assert.False(second.PackageExtracted);
        Assert.Empty(second.Models);
        Assert.All(written, w => Assert.Equal(w.Value, File.GetLastWriteTimeUtc(Path.Combine(home.Models, w.Key))));

        // The same package and converter always give byte-identical models.
        foreach (var file in ModelStore.InstalledFiles)
            Assert.Equal(FileHash.Sha256Hex(InstalledModels.File(file)), FileHash.Sha256Hex(Path.Combine(home.Models, file)));
    }

    [Fact]
    public async Task Install_restores_a_deleted_package_folder_without_converting_again()
    {
        using var home = new InstalledModels.TemporaryHome();
        CopyInstalledTarballs(home);
        await ModelInstaller.InstallAsync(home.Root);

        Directory.Delete(Path.Combine(home.Root, "npm", "face-api"), recursive: true);
        var again = await ModelInstaller.InstallAsync(home.Root);
        Assert.False(again.Converted);
        Assert.True(again.PackageExtracted);
        Assert.True(File.Exists(Path.Combine(home.Root, "npm", "face-api", "package", "demo", "sample1.jpg")));
    }

    [Fact]
    public void A_corrupt_tarball_gives_a_typed_error()
    {
        using var home = new InstalledModels.TemporaryHome();
        var tarball = Path.Combine(home.Root, "bad.tgz");
        File.WriteAllBytes(tarball, [0x1f, 0x8b, 8, 0, 1, 2, 3]);
        Assert.Throws<ModelInstallException>(() => TarballExtractor.Extract(tarball, Path.Combine(home.Root, "out"), CancellationToken.None));
        Assert.False(Directory.Exists(Path.Combine(home.Root, "out")));
    }

    [Fact]
    public void The_manifest_records_the_contract_signatures()
    {
        var manifest = InstallManifest.Read(InstalledModels.File(ModelStore.ManifestFile));
        string Describe(string file, bool input) =>
            string.Join(" ", (input ? manifest.Models.Single(m => m.File == file).Inputs : manifest.Models.Single(m => m.File == file).Outputs)
                .Select(s => $"{s.Name}:{s.Type}[{string.Join(',', s.Shape)}]"));

        Assert.Equal("input:float32[batch,150,150,3]", Describe(ModelStore.RecognitionFile, true));
        Assert.Equal("embedding:float32[batch,128]", Describe(ModelStore.RecognitionFile, false));
        Assert.Equal("input:float32[batch,150,150,3]", Describe(ModelStore.RecognitionInt8File, true));
        Assert.Equal("embedding:float32[batch,128]", Describe(ModelStore.RecognitionInt8File, false));
        Assert.Equal("input:float32[1,height,width,3]", Describe(ModelStore.DetectorFile, true));
        Assert.Equal("head:float32[1,grid_height,grid_width,25]", Describe(ModelStore.DetectorFile, false));
        Assert.Equal("input:float32[batch,112,112,3]", Describe(ModelStore.LandmarksFile, true));
        Assert.Equal("landmarks:float32[batch,136]", Describe(ModelStore.LandmarksFile, false));
        Assert.Equal(FaceApiPackage.Integrity, manifest.Integrity);
        Assert.All(manifest.Models, m => Assert.Equal(2, m.Sources.Count));
    }

    [Fact]
    public void The_manifest_records_the_liveness_model_its_package_and_the_provenance_caveat()
    {
        var liveness = InstallManifest.Read(InstalledModels.File(ModelStore.ManifestFile)).Liveness;
        Assert.NotNull(liveness);
        Assert.Equal((LivenessPackage.Name, LivenessPackage.Version, LivenessPackage.Integrity, LivenessPackage.Caveat),
            (liveness.Package, liveness.Version, liveness.Integrity, liveness.Caveat));
        var model = Assert.Single(liveness.Models);
        Assert.Equal(ModelStore.LivenessFile, model.File);
        Assert.Equal(FileHash.Sha256Hex(InstalledModels.File(ModelStore.LivenessFile)), model.Sha256);
        Assert.Equal("input:float32[1,3,128,128]", string.Join(" ", model.Inputs.Select(s => $"{s.Name}:{s.Type}[{string.Join(',', s.Shape)}]")));
        Assert.Equal("output:float32[1,3]", string.Join(" ", model.Outputs.Select(s => $"{s.Name}:{s.Type}[{string.Join(',', s.Shape)}]")));
    }

    [Fact]
    public void Verify_flags_a_tampered_liveness_model_and_a_manifest_from_before_it()
    {
        using var home = CopyOfInstalledModels();
        var path = Path.Combine(home.Models, ModelStore.LivenessFile);
        var bytes = File.ReadAllBytes(path);
        bytes[^10] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        var tampered = Assert.Single(ModelInstaller.Verify(home.Root).Problems);
        Assert.Equal((ModelStore.LivenessFile, VerificationProblemKind.HashMismatch), (tampered.File, tampered.Kind));

        var old = InstallManifest.Read(InstalledModels.File(ModelStore.ManifestFile)) with { Liveness = null };
        File.WriteAllBytes(Path.Combine(home.Models, ModelStore.ManifestFile), old.ToJson());
        var unlisted = Assert.Single(ModelInstaller.Verify(home.Root).Problems);
        Assert.Equal((ModelStore.LivenessFile, VerificationProblemKind.NotInManifest), (unlisted.File, unlisted.Kind));
    }

    [Fact]
    public async Task Install_repairs_only_the_liveness_model_when_it_alone_is_damaged()
    {
        using var home = new InstalledModels.TemporaryHome();
        CopyInstalledTarballs(home);
        await ModelInstaller.InstallAsync(home.Root);
        var faceModelsWritten = ModelStore.ModelFiles.ToDictionary(f => f, f => File.GetLastWriteTimeUtc(Path.Combine(home.Models, f)));

        File.Delete(Path.Combine(home.Models, ModelStore.LivenessFile));
        var repair = await ModelInstaller.InstallAsync(home.Root);
        Assert.True(repair.Converted);
        Assert.Equal([ModelStore.LivenessFile], repair.Models.Select(m => m.File));
        Assert.All(faceModelsWritten, w => Assert.Equal(w.Value, File.GetLastWriteTimeUtc(Path.Combine(home.Models, w.Key))));
        Assert.True(ModelInstaller.Verify(home.Root).IsValid);
    }

    [Fact]
    public void Reading_a_missing_entry_from_a_tarball_is_a_typed_error()
    {
        // `accessgrid models install` (run before the tests) leaves the verified tarball here.
        var tarball = Path.Combine(ModelStore.Home, "npm", LivenessPackage.TarballFile);
        var e = Assert.Throws<ModelInstallException>(() => TarballExtractor.ReadFiles(tarball, ["package/model/nope.onnx"], CancellationToken.None));
        Assert.Contains("nope.onnx", e.Message);
    }

    /// <summary>A scratch home holding a copy of every installed model and the manifest.</summary>
    private static InstalledModels.TemporaryHome CopyOfInstalledModels()
    {
        var home = new InstalledModels.TemporaryHome();
        Directory.CreateDirectory(home.Models);
        foreach (var file in ModelStore.InstalledFiles.Append(ModelStore.ManifestFile))
            File.Copy(InstalledModels.File(file), Path.Combine(home.Models, file));
        return home;
    }

    /// <summary>The verified tarballs the real install left, so installs in a scratch home need no registry access.</summary>
    private static void CopyInstalledTarballs(InstalledModels.TemporaryHome home)
    {
        Directory.CreateDirectory(Path.Combine(home.Root, "npm"));
        foreach (var file in new[] { FaceApiPackage.TarballFile, LivenessPackage.TarballFile })
        {
            var tarball = Path.Combine(ModelStore.Home, "npm", file);
            if (File.Exists(tarball)) File.Copy(tarball, Path.Combine(home.Root, "npm", file));
        }
    }
}

using System.ComponentModel;
using System.Diagnostics;

namespace AccessGrid.ModelConversion.Installation;

/// <summary>One pinned npm package: fetched with `npm pack`, checked against its integrity hash.</summary>
/// <param name="TarballFile">The file name npm pack gives it (a scoped package: scope and name joined by '-').</param>
public sealed record NpmPackage(string Name, string Version, string Integrity, string TarballFile)
{
    private static readonly TimeSpan NpmTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Returns a verified tarball in <paramref name="destination"/>, reusing one already there.</summary>
    public async Task<string> FetchAsync(string destination, CancellationToken ct)
    {
        Directory.CreateDirectory(destination);
        var tarball = Path.Combine(destination, TarballFile);
        if (File.Exists(tarball) && FileHash.NpmIntegrity(tarball) == Integrity) return tarball;
        File.Delete(tarball);

        await RunNpmPackAsync(destination, ct);
        if (!File.Exists(tarball))
            throw new ModelInstallException($"npm pack succeeded but {TarballFile} is not in {destination}");
        var actual = FileHash.NpmIntegrity(tarball);
        if (actual != Integrity)
        {
            File.Delete(tarball);
            throw new ModelInstallException($"{Name}@{Version} failed its integrity check: expected {Integrity}, got {actual}");
        }
        return tarball;
    }

    private async Task RunNpmPackAsync(string destination, CancellationToken ct)
    {
        var start = new ProcessStartInfo("npm")
        {
            WorkingDirectory = destination,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "pack", $"{Name}@{Version}", "--pack-destination", destination, "--silent" })
            start.ArgumentList.Add(arg);

        Process process;
        try { process = Process.Start(start) ?? throw new ModelInstallException("could not start npm"); }
        catch (Win32Exception e)
        {
            throw new ModelInstallException("npm is not installed or not on PATH; it is needed once to fetch " +
                $"{Name}@{Version} (install Node.js/npm, e.g. `apt-get install npm`)", e);
        }

        using (process)
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(NpmTimeout);
            try { await process.WaitForExitAsync(timeout.Token); }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                ct.ThrowIfCancellationRequested();
                throw new ModelInstallException($"npm pack {Name}@{Version} did not finish within {NpmTimeout.TotalMinutes} minutes (no registry access?)");
            }
            if (process.ExitCode != 0)
                throw new ModelInstallException(
                    $"npm pack {Name}@{Version} failed with exit code {process.ExitCode}: {(await stderr).Trim()} {(await stdout).Trim()}".Trim());
        }
    }
}

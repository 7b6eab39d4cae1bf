using System.Formats.Tar;
using System.IO.Compression;

namespace AccessGrid.ModelConversion.Installation;

/// <summary>Unpacks a .tgz (regular files and folders only) without letting an entry escape the destination.</summary>
public static class TarballExtractor
{
    /// <summary>Extracts into a fresh folder beside <paramref name="destination"/>, then swaps it in, so a
    /// half-extracted tree is never left at <paramref name="destination"/>.</summary>
    public static void Extract(string tarball, string destination, CancellationToken ct)
    {
        var target = Path.GetFullPath(destination);
        var staging = target + ".partial";
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        Directory.CreateDirectory(staging);
        var stagingRoot = Path.GetFullPath(staging) + Path.DirectorySeparatorChar;

        try
        {
            using var file = File.OpenRead(tarball);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new TarReader(gzip);
            while (reader.GetNextEntry() is { } entry)
            {
                ct.ThrowIfCancellationRequested();
                var path = Path.GetFullPath(Path.Combine(staging, entry.Name));
                if (!path.StartsWith(stagingRoot, StringComparison.Ordinal))
                    throw new ModelInstallException($"{Path.GetFileName(tarball)}: entry '{entry.Name}' points outside the package folder");
                switch (entry.EntryType)
                {
                    case TarEntryType.Directory:
                        Directory.CreateDirectory(path);
                        break;
                    case TarEntryType.RegularFile or TarEntryType.V7RegularFile:
                        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                        entry.ExtractToFile(path, overwrite: true);
                        break;
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            Directory.Delete(staging, recursive: true);
            throw new ModelInstallException($"{Path.GetFileName(tarball)} is not a readable .tgz: {e.Message}", e);
        }

        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        Directory.Move(staging, target);
    }

    /// <summary>Reads the named regular files out of a .tgz without unpacking the rest (the liveness package is
    /// 41 MB, of which we use 2). Throws <see cref="ModelInstallException"/> when one is absent.</summary>
    public static IReadOnlyDictionary<string, byte[]> ReadFiles(string tarball, IReadOnlyCollection<string> entryNames, CancellationToken ct)
    {
        var found = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            using var file = File.OpenRead(tarball);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var reader = new TarReader(gzip);
            while (found.Count < entryNames.Count && reader.GetNextEntry() is { } entry)
            {
                ct.ThrowIfCancellationRequested();
                if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                    || !entryNames.Contains(entry.Name) || entry.DataStream is null) continue;
                using var bytes = new MemoryStream();
                entry.DataStream.CopyTo(bytes);
                found[entry.Name] = bytes.ToArray();
            }
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new ModelInstallException($"{Path.GetFileName(tarball)} is not a readable .tgz: {e.Message}", e);
        }
        var missing = entryNames.Where(n => !found.ContainsKey(n)).ToArray();
        if (missing.Length > 0)
            throw new ModelInstallException($"{Path.GetFileName(tarball)} does not contain {string.Join(", ", missing)}");
        return found;
    }
}

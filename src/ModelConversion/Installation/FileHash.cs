using System.Security.Cryptography;

namespace AccessGrid.ModelConversion.Installation;

/// <summary>The digests the installer records and checks.</summary>
public static class FileHash
{
    public static string Sha256Hex(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>npm's Subresource-Integrity form: "sha512-" + base64 of the SHA-512 digest.</summary>
    public static string NpmIntegrity(string path)
    {
        using var stream = File.OpenRead(path);
        return "sha512-" + Convert.ToBase64String(SHA512.HashData(stream));
    }
}

using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using AccessGrid.Grains.Backup;

namespace AccessGrid.Client.Backup;

/// <summary>The encrypted backup file: a header, then the backup stream in AES-256-GCM chunks.
/// <code>
/// header  "AGBACKUP" · version 1 · PBKDF2-SHA256 iterations (u32) · salt (16) · nonce prefix (7) · chunk size (u32)
///         · passphrase check (16) · first 8 bytes of the SHA-256 of everything before it
/// chunk   ciphertext length (u32) · ciphertext · GCM tag (16); nonce = prefix · chunk number (u32) · last-chunk flag
/// </code>
/// Every chunk authenticates the whole header (associated data), its own number (no reordering) and whether it is the
/// last one (no truncation at a chunk boundary); the passphrase check tells a wrong passphrase from a damaged file.
/// Integers are big-endian. The key is 64 bytes of PBKDF2-SHA256: the first 32 encrypt, the SHA-256 of the other 32
/// is the check.</summary>
public static class BackupFile
{
    public const int Iterations = 600_000;
    public const int ChunkSize = 256 * 1024;
    internal const int TagSize = 16;
    private const byte Version = 1;
    private const int MaxIterations = 10_000_000;
    private static readonly byte[] Magic = "AGBACKUP"u8.ToArray();
    private const int HeaderSize = 8 + 1 + 4 + 16 + 7 + 4 + 16 + 8;

    /// <summary>A stream that encrypts what is written to it into <paramref name="file"/>; call
    /// <see cref="EncryptingStream.Finish"/> once everything is written (without it the file reads as truncated).</summary>
    public static EncryptingStream Create(Stream file, string passphrase, int iterations = Iterations)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var prefix = RandomNumberGenerator.GetBytes(7);
        var (key, check) = Derive(passphrase, salt, iterations);
        var header = new byte[HeaderSize];
        var span = header.AsSpan();
        Magic.CopyTo(span);
        span[8] = Version;
        BinaryPrimitives.WriteInt32BigEndian(span[9..], iterations);
        salt.CopyTo(span[13..]);
        prefix.CopyTo(span[29..]);
        BinaryPrimitives.WriteInt32BigEndian(span[36..], ChunkSize);
        check.CopyTo(span[40..]);
        SHA256.HashData(span[..56])[..8].CopyTo(span[56..]);
        file.Write(header);
        return new EncryptingStream(file, new AesGcm(key, TagSize), prefix, header, ChunkSize);
    }

    /// <summary>A stream that reads the plain backup stream out of <paramref name="file"/>, proving every chunk as it
    /// goes. Throws <see cref="InvalidBackupException"/> for a wrong passphrase, a damaged header, an altered or
    /// missing chunk, or bytes after the last chunk.</summary>
    public static DecryptingStream Open(Stream file, string passphrase)
    {
        var header = new byte[HeaderSize];
        if (file.ReadAtLeast(header, HeaderSize, throwOnEndOfStream: false) < HeaderSize || !header.AsSpan(0, 8).SequenceEqual(Magic))
            throw new InvalidBackupException("This is not an AccessGrid backup file (or it is cut off inside its header).");
        var span = header.AsSpan();
        if (!SHA256.HashData(span[..56])[..8].AsSpan().SequenceEqual(span[56..]))
            throw new InvalidBackupException("The backup file's header is damaged.");
        if (span[8] != Version) throw new InvalidBackupException($"The backup file is version {span[8]}; this version reads {Version}.");
        var iterations = BinaryPrimitives.ReadInt32BigEndian(span[9..]);
        var chunkSize = BinaryPrimitives.ReadInt32BigEndian(span[36..]);
        if (iterations is < 1 or > MaxIterations || chunkSize is < 1 or > 16 * 1024 * 1024)
            throw new InvalidBackupException("The backup file's header is damaged.");
        var (key, check) = Derive(passphrase, span[13..29].ToArray(), iterations);
        if (!CryptographicOperations.FixedTimeEquals(check, span[40..56]))
            throw new InvalidBackupException("Wrong passphrase for this backup file.");
        return new DecryptingStream(file, new AesGcm(key, TagSize), span[29..36].ToArray(), header, chunkSize);
    }

    internal static byte[] Nonce(byte[] prefix, int chunk, bool last)
    {
        var nonce = new byte[12];
        prefix.CopyTo(nonce, 0);
        BinaryPrimitives.WriteInt32BigEndian(nonce.AsSpan(7), chunk);
        nonce[11] = last ? (byte)1 : (byte)0;
        return nonce;
    }

    private static (byte[] Key, byte[] Check) Derive(string passphrase, byte[] salt, int iterations)
    {
        if (string.IsNullOrEmpty(passphrase)) throw new ArgumentException("The passphrase is empty.", nameof(passphrase));
        var material = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(passphrase), salt, iterations, HashAlgorithmName.SHA256, 64);
        return (material[..32], SHA256.HashData(material.AsSpan(32))[..16]);
    }
}

using System.Text;
using AccessGrid.Client.Backup;
using AccessGrid.Grains.Backup;

namespace AccessGrid.Cli.Tests.Backup;

/// <summary>The encrypted backup file: a round trip over several chunks, and every way a file can be wrong is refused
/// with a message that says which.</summary>
public sealed class BackupFileTests
{
    private const string Passphrase = "correct horse battery staple";
    /// <summary>More than two chunks, not a whole number of them.</summary>
    private static readonly byte[] Plain = Enumerable.Range(0, BackupFile.ChunkSize * 2 + 12_345).Select(i => (byte)(i * 31 % 251)).ToArray();
    private static readonly Lazy<byte[]> Encrypted = new(() => Encrypt(Plain));

    [Fact]
    public void What_is_encrypted_reads_back_identically_and_the_file_shows_none_of_it()
    {
        Assert.Equal(Plain, Decrypt(Encrypted.Value, Passphrase));
        Assert.Equal("AGBACKUP", Encoding.ASCII.GetString(Encrypted.Value, 0, 8));
        Assert.DoesNotContain(Convert.ToHexString(Plain.AsSpan(1000, 32)), Convert.ToHexString(Encrypted.Value), StringComparison.Ordinal);
        Assert.Equal([], Decrypt(Encrypt([]), Passphrase));
        var exactChunk = Plain[..BackupFile.ChunkSize];
        Assert.Equal(exactChunk, Decrypt(Encrypt(exactChunk), Passphrase));
    }

    [Fact]
    public void A_wrong_passphrase_is_named_as_such()
    {
        var e = Assert.Throws<InvalidBackupException>(() => Decrypt(Encrypted.Value, "Correct horse battery staple"));
        Assert.Equal("Wrong passphrase for this backup file.", e.Message);
    }

    [Theory]
    [InlineData(0, "not an AccessGrid backup")]
    [InlineData(30, "not an AccessGrid backup")]           // inside the header
    [InlineData(64, "truncated")]                           // after the header: no chunk at all
    [InlineData(64 + 2, "damaged")]                         // inside a chunk's length
    [InlineData(64 + 4 + 1000, "truncated inside chunk 1")]
    [InlineData(64 + 4 + BackupFile.ChunkSize + 16, "truncated: it ends before its last chunk")] // a whole chunk boundary
    [InlineData(-1, "truncated inside chunk 3")]            // the last byte of the tag
    public void A_truncated_file_is_refused(int keep, string problem)
    {
        var file = Encrypted.Value[..(keep >= 0 ? keep : Encrypted.Value.Length + keep)];
        Assert.Contains(problem, Assert.Throws<InvalidBackupException>(() => Decrypt(file, Passphrase)).Message);
    }

    [Theory]
    [InlineData(10, "header is damaged")]      // the iteration count
    [InlineData(20, "header is damaged")]      // the salt
    [InlineData(45, "header is damaged")]      // the passphrase check
    [InlineData(64 + 4 + 7, "chunk 1")]        // ciphertext
    [InlineData(64 + 4 + BackupFile.ChunkSize + 3, "chunk 1")] // chunk 1's tag
    [InlineData(-40, "chunk 3")]               // inside the last chunk
    public void A_flipped_byte_anywhere_is_refused(int at, string where)
    {
        var file = Encrypted.Value.ToArray();
        file[at >= 0 ? at : file.Length + at] ^= 0x20;
        Assert.Contains(where, Assert.Throws<InvalidBackupException>(() => Decrypt(file, Passphrase)).Message);
    }

    [Fact]
    public void Bytes_after_the_last_chunk_or_chunks_out_of_order_are_refused()
    {
        Assert.Contains("after its last chunk", Assert.Throws<InvalidBackupException>(() => Decrypt([.. Encrypted.Value, 0], Passphrase)).Message);

        // Swap chunks 1 and 2 (same length): each is authentic alone, but not in that place.
        var file = Encrypted.Value.ToArray();
        var size = 4 + BackupFile.ChunkSize + 16;
        var first = file.AsSpan(64, size).ToArray();
        file.AsSpan(64 + size, size).CopyTo(file.AsSpan(64));
        first.CopyTo(file.AsSpan(64 + size));
        Assert.Contains("chunk 1", Assert.Throws<InvalidBackupException>(() => Decrypt(file, Passphrase)).Message);
    }

    private static byte[] Encrypt(byte[] plain)
    {
        using var file = new MemoryStream();
        using (var encrypted = BackupFile.Create(file, Passphrase))
        {
            // Uneven writes: chunking must not depend on how the caller slices its data.
            for (var i = 0; i < plain.Length; i += 70_001) encrypted.Write(plain, i, Math.Min(70_001, plain.Length - i));
            encrypted.Finish();
        }
        return file.ToArray();
    }

    private static byte[] Decrypt(byte[] file, string passphrase)
    {
        using var plain = BackupFile.Open(new MemoryStream(file), passphrase);
        using var copy = new MemoryStream();
        plain.CopyTo(copy);
        return copy.ToArray();
    }
}

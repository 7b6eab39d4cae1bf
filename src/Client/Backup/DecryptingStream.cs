using System.Buffers.Binary;
using System.Security.Cryptography;
using AccessGrid.Grains.Backup;

namespace AccessGrid.Client.Backup;

/// <summary>Read-only: the plain backup stream out of <see cref="BackupFile"/> chunks, one chunk in memory at a time,
/// each proven before any of its bytes is handed out. Reads end only after the chunk flagged last, and only when the
/// file ends there too.</summary>
public sealed class DecryptingStream : ChunkStream
{
    private int _offset, _length;
    private bool _last;

    internal DecryptingStream(Stream file, AesGcm aes, byte[] prefix, byte[] header, int chunkSize) : base(file, aes, prefix, header, chunkSize) { }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_offset == _length)
        {
            if (_last) return 0;
            Open();
        }
        var n = Math.Min(buffer.Length, _length - _offset);
        Plain.AsSpan(_offset, n).CopyTo(buffer);
        _offset += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => ValueTask.FromResult(Read(buffer.Span));

    private void Open()
    {
        var where = $"chunk {Chunk + 1}";
        Span<byte> size = stackalloc byte[4];
        var got = File.ReadAtLeast(size, 4, throwOnEndOfStream: false);
        if (got == 0) throw new InvalidBackupException($"The backup file is truncated: it ends before its last chunk ({where} is missing).");
        var length = got < 4 ? -1 : BinaryPrimitives.ReadInt32BigEndian(size);
        if (length < 0 || length > Plain.Length) throw new InvalidBackupException($"The backup file is damaged at {where} (or truncated inside it).");
        var cipher = new byte[length + BackupFile.TagSize];
        if (File.ReadAtLeast(cipher, cipher.Length, throwOnEndOfStream: false) < cipher.Length)
            throw new InvalidBackupException($"The backup file is truncated inside {where}.");
        // Try as an inner chunk, then as the last one: the flag is authenticated, so only the true one opens.
        if (!TryDecrypt(cipher, length, last: false))
        {
            if (!TryDecrypt(cipher, length, last: true)) throw new InvalidBackupException($"The backup file is damaged or altered at {where}.");
            _last = true;
            if (File.ReadByte() != -1) throw new InvalidBackupException("The backup file has bytes after its last chunk: it was altered.");
        }
        (_offset, _length) = (0, length);
        Chunk++;
    }

    private bool TryDecrypt(byte[] cipher, int length, bool last)
    {
        try
        {
            Aes.Decrypt(Nonce(last), cipher.AsSpan(0, length), cipher.AsSpan(length), Plain.AsSpan(0, length), Header);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    public override bool CanRead => true;
    public override bool CanWrite => false;
}

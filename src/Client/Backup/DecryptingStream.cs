using System.Buffers.Binary;
using System.Security.Cryptography;
using AccessGrid.Grains.Backup;

namespace AccessGrid.Client.Backup;

/// <summary>Read-only: the plain backup stream out of <see cref="BackupFile"/> chunks, one chunk in memory at a time,
/// each proven before any of its bytes is handed out. Reads end only after the chunk flagged last, and only when the
/// file ends there too.</summary>
public sealed class DecryptingStream : Stream
{
    private readonly Stream _file;
    private readonly AesGcm _aes;
    private readonly byte[] _prefix, _header, _plain;
    private int _offset, _length, _chunk;
    private bool _last;

    internal DecryptingStream(Stream file, AesGcm aes, byte[] prefix, byte[] header, int chunkSize)
    {
        (_file, _aes, _prefix, _header) = (file, aes, prefix, header);
        _plain = new byte[chunkSize];
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_offset == _length)
        {
            if (_last) return 0;
            Open();
        }
        var n = Math.Min(buffer.Length, _length - _offset);
        _plain.AsSpan(_offset, n).CopyTo(buffer);
        _offset += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) => Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) => ValueTask.FromResult(Read(buffer.Span));

    private void Open()
    {
        var where = $"chunk {_chunk + 1}";
        Span<byte> size = stackalloc byte[4];
        var got = _file.ReadAtLeast(size, 4, throwOnEndOfStream: false);
        if (got == 0) throw new InvalidBackupException($"The backup file is truncated: it ends before its last chunk ({where} is missing).");
        var length = got < 4 ? -1 : BinaryPrimitives.ReadInt32BigEndian(size);
        if (length < 0 || length > _plain.Length) throw new InvalidBackupException($"The backup file is damaged at {where} (or truncated inside it).");
        var cipher = new byte[length + BackupFile.TagSize];
        if (_file.ReadAtLeast(cipher, cipher.Length, throwOnEndOfStream: false) < cipher.Length)
            throw new InvalidBackupException($"The backup file is truncated inside {where}.");
        // Try as an inner chunk, then as the last one: the flag is authenticated, so only the true one opens.
        if (!TryDecrypt(cipher, length, last: false))
        {
            if (!TryDecrypt(cipher, length, last: true)) throw new InvalidBackupException($"The backup file is damaged or altered at {where}.");
            _last = true;
            if (_file.ReadByte() != -1) throw new InvalidBackupException("The backup file has bytes after its last chunk: it was altered.");
        }
        (_offset, _length) = (0, length);
        _chunk++;
    }

    private bool TryDecrypt(byte[] cipher, int length, bool last)
    {
        try
        {
            _aes.Decrypt(BackupFile.Nonce(_prefix, _chunk, last), cipher.AsSpan(0, length), cipher.AsSpan(length), _plain.AsSpan(0, length), _header);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _aes.Dispose();
        CryptographicOperations.ZeroMemory(_plain);
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

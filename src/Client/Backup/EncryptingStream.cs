using System.Buffers.Binary;
using System.Security.Cryptography;

namespace AccessGrid.Client.Backup;

/// <summary>Write-only: encrypts into <see cref="BackupFile"/> chunks, holding one chunk of plain text at a time.</summary>
public sealed class EncryptingStream : Stream
{
    private readonly Stream _file;
    private readonly AesGcm _aes;
    private readonly byte[] _prefix, _header, _plain;
    private int _filled, _chunk;
    private bool _finished;

    internal EncryptingStream(Stream file, AesGcm aes, byte[] prefix, byte[] header, int chunkSize)
    {
        (_file, _aes, _prefix, _header) = (file, aes, prefix, header);
        _plain = new byte[chunkSize];
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        while (buffer.Length > 0)
        {
            // A full chunk goes out only when more follows: the last chunk, however full, is written by Finish.
            if (_filled == _plain.Length) Seal(last: false);
            var n = Math.Min(buffer.Length, _plain.Length - _filled);
            buffer[..n].CopyTo(_plain.AsSpan(_filled));
            _filled += n;
            buffer = buffer[n..];
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) => WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <summary>Writes the last chunk and flushes the file. The file is complete only after this.</summary>
    public void Finish()
    {
        Seal(last: true);
        _finished = true;
        _file.Flush();
    }

    private void Seal(bool last)
    {
        var cipher = new byte[4 + _filled + BackupFile.TagSize];
        BinaryPrimitives.WriteInt32BigEndian(cipher, _filled);
        _aes.Encrypt(BackupFile.Nonce(_prefix, _chunk++, last), _plain.AsSpan(0, _filled), cipher.AsSpan(4, _filled),
            cipher.AsSpan(4 + _filled), _header);
        _file.Write(cipher);
        _filled = 0;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _aes.Dispose();
        CryptographicOperations.ZeroMemory(_plain);
        base.Dispose(disposing);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => !_finished;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { } // a chunk is sealed only when full or at Finish
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}

using System.Buffers.Binary;
using System.Security.Cryptography;

namespace AccessGrid.Client.Backup;

/// <summary>Write-only: encrypts into <see cref="BackupFile"/> chunks, holding one chunk of plain text at a time.</summary>
public sealed class EncryptingStream : ChunkStream
{
    private int _filled;
    private bool _finished;

    internal EncryptingStream(Stream file, AesGcm aes, byte[] prefix, byte[] header, int chunkSize) : base(file, aes, prefix, header, chunkSize) { }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        while (buffer.Length > 0)
        {
            // A full chunk goes out only when more follows: the last chunk, however full, is written by Finish.
            if (_filled == Plain.Length) Seal(last: false);
            var n = Math.Min(buffer.Length, Plain.Length - _filled);
            buffer[..n].CopyTo(Plain.AsSpan(_filled));
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
        File.Flush();
    }

    private void Seal(bool last)
    {
        var cipher = new byte[4 + _filled + BackupFile.TagSize];
        BinaryPrimitives.WriteInt32BigEndian(cipher, _filled);
        Aes.Encrypt(Nonce(last), Plain.AsSpan(0, _filled), cipher.AsSpan(4, _filled), cipher.AsSpan(4 + _filled), Header);
        Chunk++;
        File.Write(cipher);
        _filled = 0;
    }

    public override bool CanRead => false;
    public override bool CanWrite => !_finished;
}

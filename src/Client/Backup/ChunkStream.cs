using System.Security.Cryptography;

namespace AccessGrid.Client.Backup;

/// <summary>What both directions of a <see cref="BackupFile"/> hold: the file, the cipher, the nonce prefix, the header
/// every chunk authenticates, one chunk of plain text (wiped on dispose) and the chunk count. Neither direction seeks.</summary>
public abstract class ChunkStream : Stream
{
    private protected ChunkStream(Stream file, AesGcm aes, byte[] prefix, byte[] header, int chunkSize)
    {
        (File, Aes, Header) = (file, aes, header);
        _prefix = prefix;
        Plain = new byte[chunkSize];
    }

    private readonly byte[] _prefix;
    private protected Stream File { get; }
    private protected AesGcm Aes { get; }
    private protected byte[] Header { get; }
    private protected byte[] Plain { get; }
    private protected int Chunk { get; set; }

    /// <summary>Prefix · chunk number · last-chunk flag.</summary>
    private protected byte[] Nonce(bool last) => BackupFile.Nonce(_prefix, Chunk, last);

    protected override void Dispose(bool disposing)
    {
        if (disposing) Aes.Dispose();
        CryptographicOperations.ZeroMemory(Plain);
        base.Dispose(disposing);
    }

    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

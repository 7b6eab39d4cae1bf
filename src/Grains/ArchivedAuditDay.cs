using System.IO.Compression;
using System.Text.Json;

namespace AccessGrid.Grains;

/// <summary>One closed day of the audit as its archive blob holds it: the chain's own entries in sequence order (with
/// their seals, so every hash can be recomputed) and the day's head as it was when the day was archived.</summary>
/// <param name="Head">The day's head; the hot store keeps a copy, so a replaced or deleted blob is found.</param>
/// <param name="Entries">The day's entries, sealed ones in sequence order, then any unsealed (pre-chain) ones.</param>
public sealed record ArchivedAuditDay(AuditChainHead Head, AuditEntry[] Entries)
{
    /// <summary>Gzip-compressed JSON (the entries in the same System.Text.Json form the chain hashes).</summary>
    public byte[] Compress()
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true)) JsonSerializer.Serialize(zip, this);
        return buffer.ToArray();
    }

    public static ArchivedAuditDay? Decompress(Stream compressed)
    {
        using var zip = new GZipStream(compressed, CompressionMode.Decompress);
        return JsonSerializer.Deserialize<ArchivedAuditDay>(zip);
    }
}

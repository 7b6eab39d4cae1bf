using System.Buffers.Binary;
using System.IO.Compression;
using SkiaSharp;

namespace AccessGrid.Ops.Drills;

/// <summary>One hostile request: its body, content type and an optional oversized header.</summary>
public sealed record MalformedRequest(string Kind, byte[] Body, string? ContentType, string? HugeHeader = null);

/// <summary>Seeded generator of the requests a broken or hostile reader could send: mutated and truncated JPEG, PNG
/// and WebP, decompression bombs, images claiming absurd sizes, garbage, empty bodies, wrong content types,
/// oversize bodies and huge headers.</summary>
public sealed class MalformedInputs
{
    private readonly Random _random;
    private readonly byte[] _jpeg, _png, _webp, _pngBomb, _jpegGiant;

    public MalformedInputs(byte[] validJpeg, int seed)
    {
        _random = new Random(seed);
        _jpeg = validJpeg;
        using var bitmap = SKBitmap.Decode(validJpeg) ?? throw new InvalidDataException("The seed image does not decode.");
        _png = Encode(bitmap, SKEncodedImageFormat.Png);
        _webp = Encode(bitmap, SKEncodedImageFormat.Webp);
        _pngBomb = PngBomb(12_000, 12_000);
        _jpegGiant = WithJpegSize(validJpeg, 60_000, 60_000);
    }

    public static readonly string[] Kinds =
    [
        "jpeg-bitflip", "jpeg-truncated", "png-bitflip", "png-truncated", "webp-bitflip", "webp-truncated",
        "png-bomb", "jpeg-claims-60000px", "garbage", "garbage-jpeg-magic", "empty", "wrong-content-type", "json-body",
        "huge-header", "oversize-body",
    ];

    public MalformedRequest Next(int i)
    {
        var kind = Kinds[i % Kinds.Length];
        return kind switch
        {
            "jpeg-bitflip" => new(kind, Flip(_jpeg), "image/jpeg"),
            "jpeg-truncated" => new(kind, Truncate(_jpeg), "image/jpeg"),
            "png-bitflip" => new(kind, Flip(_png), "image/png"),
            "png-truncated" => new(kind, Truncate(_png), "image/png"),
            "webp-bitflip" => new(kind, Flip(_webp), "image/webp"),
            "webp-truncated" => new(kind, Truncate(_webp), "image/webp"),
            "png-bomb" => new(kind, _pngBomb, "image/png"),
            "jpeg-claims-60000px" => new(kind, _jpegGiant, "image/jpeg"),
            "garbage" => new(kind, RandomBytes(_random.Next(1, 64 * 1024)), "image/jpeg"),
            "garbage-jpeg-magic" => new(kind, [0xFF, 0xD8, 0xFF, .. RandomBytes(_random.Next(1, 4096))], "image/jpeg"),
            "empty" => new(kind, [], "image/jpeg"),
            "wrong-content-type" => new(kind, _jpeg, "text/plain"),
            "json-body" => new(kind, "{\"image\":\"not really\"}"u8.ToArray(), "application/json"),
            "huge-header" => new(kind, _jpeg, "image/jpeg", new string('x', 96 * 1024)),
            // Only every few rounds: 11 MB bodies are about the limit, not about volume.
            _ => i / Kinds.Length % 20 == 0 ? new(kind, RandomBytes(11 * 1024 * 1024), "image/jpeg") : new(kind, Truncate(_jpeg), "image/jpeg"),
        };
    }

    private byte[] Flip(byte[] source)
    {
        var copy = (byte[])source.Clone();
        int flips = _random.Next(1, 24);
        for (int f = 0; f < flips; f++) copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
        return copy;
    }

    private byte[] Truncate(byte[] source) => source[.._random.Next(1, source.Length)];

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format)
    {
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    /// <summary>A valid greyscale PNG of width × height zero pixels: ~100 KB on the wire, 144 MB once decoded.</summary>
    internal static byte[] PngBomb(int width, int height)
    {
        using var idat = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var row = new byte[width + 1]; // filter byte 0 + pixels
            for (int y = 0; y < height; y++) z.Write(row);
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; // bit depth; colour type 0 (grey), compression, filter, interlace 0
        Chunk(png, "IHDR", ihdr);
        Chunk(png, "IDAT", idat.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typeAndData = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        png.Write(crc);
    }

    /// <summary>PNG's CRC-32 (polynomial 0xEDB88320) over chunk type and data.</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>The same JPEG with its frame header (SOF0/SOF2) claiming another size.</summary>
    private static byte[] WithJpegSize(byte[] jpeg, ushort width, ushort height)
    {
        var copy = (byte[])jpeg.Clone();
        for (int i = 2; i + 9 < copy.Length;)
        {
            if (copy[i] != 0xFF) break;
            byte marker = copy[i + 1];
            int length = (copy[i + 2] << 8) | copy[i + 3];
            if (marker is 0xC0 or 0xC1 or 0xC2)
            {
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 5), height);
                BinaryPrimitives.WriteUInt16BigEndian(copy.AsSpan(i + 7), width);
                return copy;
            }
            i += 2 + length;
        }
        throw new InvalidDataException("No JPEG frame header found in the seed image.");
    }
}

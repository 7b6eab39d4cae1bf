using SkiaSharp;

namespace AccessGrid.Dashboard.Tests.Infrastructure;

/// <summary>A y4m video for chromium's fake camera (<c>--use-file-for-fake-video-capture</c>), written at test time
/// from pictures: header, then per frame <c>FRAME</c> and the I420 planes (full-resolution Y, quarter U and V, BT.601
/// full range as C420jpeg says). Chromium loops it.</summary>
public static class FakeCameraVideo
{
    public const int Width = 640;
    public const int Height = 480;

    public static string Write(IEnumerable<byte[]> pictures, int framesPerSecond = 8)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("accessgrid-fake-camera-").FullName, "camera.y4m");
        using var file = File.Create(path);
        file.Write(System.Text.Encoding.ASCII.GetBytes($"YUV4MPEG2 W{Width} H{Height} F{framesPerSecond}:1 Ip A1:1 C420jpeg\n"));
        foreach (var picture in pictures)
        {
            file.Write("FRAME\n"u8);
            file.Write(I420(picture));
        }
        return path;
    }

    /// <summary>A plain grey picture: a camera pointed at a wall.</summary>
    public static byte[] Blank()
    {
        using var bitmap = new SKBitmap(Width, Height);
        bitmap.Erase(new SKColor(120, 124, 128));
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
    }

    private static byte[] I420(byte[] picture)
    {
        using var decoded = SKBitmap.Decode(picture) ?? throw new InvalidDataException("not a picture");
        using var frame = decoded.Width == Width && decoded.Height == Height
            ? decoded.Copy(SKColorType.Rgba8888)
            : decoded.Resize(new SKImageInfo(Width, Height, SKColorType.Rgba8888), new SKSamplingOptions(SKFilterMode.Linear));
        var rgba = frame.Bytes;
        var planes = new byte[Width * Height * 3 / 2];
        int uOffset = Width * Height, vOffset = uOffset + Width * Height / 4;
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                int p = (y * Width + x) * 4;
                float r = rgba[p], g = rgba[p + 1], b = rgba[p + 2];
                planes[y * Width + x] = Clamp(0.299f * r + 0.587f * g + 0.114f * b);
                if ((x & 1) == 0 && (y & 1) == 0)
                {
                    int c = (y / 2) * (Width / 2) + x / 2;
                    planes[uOffset + c] = Clamp(128 - 0.168736f * r - 0.331264f * g + 0.5f * b);
                    planes[vOffset + c] = Clamp(128 + 0.5f * r - 0.418688f * g - 0.081312f * b);
                }
            }
        }
        return planes;
    }

    private static byte Clamp(float v) => (byte)Math.Clamp(MathF.Round(v), 0, 255);
}

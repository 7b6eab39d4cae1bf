using SkiaSharp;

namespace AccessGrid.Vision.Tests.Pipeline;

/// <summary>The face JPEG people look at: the box with its margin, clipped to the image, never above 160 px, and the
/// pixels of the face (not of somewhere else).</summary>
public sealed class FaceThumbnailTests
{
    [Fact]
    public void A_large_face_is_scaled_down_to_160_px_on_its_longer_side_with_the_box_pixels()
    {
        // A 640x480 grey frame with a red 200x240 "face" at (200, 100).
        var image = Frame(640, 480, (x, y) => x is >= 200 and < 400 && y is >= 100 and < 340 ? (byte)220 : (byte)60);

        var jpeg = FaceThumbnail.Encode(image, new FaceBox(200, 100, 200, 240));

        using var picture = SKBitmap.Decode(jpeg);
        Assert.Equal(FaceThumbnail.MaxSide, Math.Max(picture.Width, picture.Height));
        Assert.Equal(300f / 360f, (float)picture.Width / picture.Height, 0.02f); // the box grown by a quarter on every side
        Assert.InRange(picture.GetPixel(picture.Width / 2, picture.Height / 2).Red, 190, 250); // the face is in the middle
        Assert.InRange(picture.GetPixel(2, 2).Red, 30, 90);                                     // the margin around it
        Assert.InRange(jpeg.Length, 300, 20_000);
    }

    [Fact]
    public void A_face_at_the_border_is_clipped_and_a_small_one_is_not_enlarged()
    {
        var image = Frame(320, 240, (_, _) => 128);

        using var corner = SKBitmap.Decode(FaceThumbnail.Encode(image, new FaceBox(-20, -10, 60, 60)));
        using var small = SKBitmap.Decode(FaceThumbnail.Encode(image, new FaceBox(100, 100, 40, 40)));

        Assert.True(corner.Width <= 80 && corner.Height <= 80, $"{corner.Width}x{corner.Height}");
        Assert.Equal((60, 60), (small.Width, small.Height)); // 40 px + 2 × 10 px margin, at its own size
    }

    [Fact]
    public void Bytes_that_do_not_decode_give_no_picture()
    {
        Assert.Null(FaceThumbnail.Encode([0xFF, 0xD8, 0xFF, 0x00], new FaceBox(0, 0, 10, 10), 1_000_000));
    }

    private static RgbImage Frame(int width, int height, Func<int, int, byte> red)
    {
        var pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                var i = (y * width + x) * 3;
                pixels[i] = red(x, y);
                pixels[i + 1] = pixels[i + 2] = 60;
            }
        return new RgbImage(width, height, pixels);
    }
}

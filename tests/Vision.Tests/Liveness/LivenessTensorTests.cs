using AccessGrid.Vision.Liveness;

namespace AccessGrid.Vision.Tests.Liveness;

public sealed class LivenessTensorTests
{
    [Fact]
    public void Channels_are_planar_B_G_R_raw_0_to_255()
    {
        var pixels = new byte[200 * 150 * 3];
        for (int i = 0; i < pixels.Length; i += 3) (pixels[i], pixels[i + 1], pixels[i + 2]) = (10, 20, 250);
        var tensor = LivenessTensor.Build(new RgbImage(200, 150, pixels), new PixelRect(10, 10, 100, 90));

        Assert.Equal(3 * 128 * 128, tensor.Length);
        const int plane = 128 * 128;
        Assert.All(tensor[..plane], v => Assert.Equal(250f, v));
        Assert.All(tensor[plane..(2 * plane)], v => Assert.Equal(20f, v));
        Assert.All(tensor[(2 * plane)..], v => Assert.Equal(10f, v));
    }

    [Fact]
    public void A_128_pixel_crop_is_copied_unchanged()
    {
        var image = Synthetic(300, 200);
        var tensor = LivenessTensor.Build(image, new PixelRect(50, 40, 128, 128));
        for (int y = 0; y < 128; y += 17)
        for (int x = 0; x < 128; x += 13)
        {
            int p = ((40 + y) * 300 + 50 + x) * 3;
            Assert.Equal(image.Pixels[p + 2], tensor[y * 128 + x]);                 // B
            Assert.Equal(image.Pixels[p + 1], tensor[128 * 128 + y * 128 + x]);     // G
            Assert.Equal(image.Pixels[p], tensor[2 * 128 * 128 + y * 128 + x]);     // R
        }
    }

    [Fact]
    public void Downscaling_by_two_averages_pixel_pairs_like_cv2_resize()
    {
        // Half-pixel centres: output i samples source 2i + 0.5, the mean of pixels 2i and 2i + 1.
        var image = Synthetic(256, 256);
        var tensor = LivenessTensor.Build(image, new PixelRect(0, 0, 256, 256));
        int x = 7, y = 0;
        byte R(int px, int py) => image.Pixels[(py * 256 + px) * 3];
        float expected = (R(14, 0) + R(15, 0) + R(14, 1) + R(15, 1)) / 4f;
        Assert.Equal(expected, tensor[2 * 128 * 128 + y * 128 + x], 3);
    }

    [Fact]
    public void A_crop_outside_the_image_is_refused()
    {
        var image = Synthetic(100, 100);
        Assert.Throws<ArgumentOutOfRangeException>(() => LivenessTensor.Build(image, new PixelRect(50, 50, 60, 10)));
    }

    /// <summary>A deterministic colourful pattern (no two neighbours alike, channels differ).</summary>
    internal static RgbImage Synthetic(int width, int height)
    {
        var pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
        {
            int p = (y * width + x) * 3;
            pixels[p] = (byte)(x * 7 + y * 3);
            pixels[p + 1] = (byte)(x * 3 + y * 11 + 40);
            pixels[p + 2] = (byte)((x ^ y) * 5);
        }
        return new RgbImage(width, height, pixels);
    }
}

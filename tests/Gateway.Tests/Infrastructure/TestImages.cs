using AccessGrid.TestSupport;
using AccessGrid.Vision;
using SkiaSharp;

namespace AccessGrid.Gateway.Tests.Infrastructure;

/// <summary>Real photographs: the face-api demo pictures the models installer keeps (sample2 shows one person,
/// sample1 three, sample5 five) and, when ../shared is there, the seed office.</summary>
public static class TestImages
{
    public static byte[] Sample(int n)
    {
        Assert.True(ModelStore.IsInstalled(), $"The models are not installed in {ModelStore.ModelsDirectory}: run ./accessgrid models install.");
        var path = RepoPaths.SampleImage(n);
        Assert.True(File.Exists(path), $"{path} is missing: run ./accessgrid models install (it keeps the face-api package).");
        return File.ReadAllBytes(path);
    }

    /// <summary>The picture re-encoded at another size and quality: the same face, not the same bytes, as a second
    /// camera frame would be.</summary>
    public static byte[] Rescaled(byte[] jpeg, float scale, SKEncodedImageFormat format = SKEncodedImageFormat.Jpeg, int quality = 85)
    {
        using var original = SKBitmap.Decode(jpeg);
        var info = new SKImageInfo((int)(original.Width * scale), (int)(original.Height * scale));
        using var resized = original.Resize(info, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var image = SKImage.FromBitmap(resized);
        return image.Encode(format, quality).ToArray();
    }

    public static byte[] Seed(string file) => File.ReadAllBytes(RepoPaths.Shared("datasets", "seed", file));
}

using System.Text.Json;
using AccessGrid.TestSupport;

namespace AccessGrid.Vision.Tests.Pipeline;

/// <summary>Pre-processing matches face-api's NetInput.toBatchTensor on the golden crops (golden/…/prep).</summary>
public sealed class TensorPrepParityTests
{
    private static string PrepDirectory => RepoPaths.Shared("golden", "face-api-1.7.15", "prep");

    public static IEnumerable<object[]> Cases()
    {
        if (RepoPaths.SharedDirectory is null) yield break;
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(PrepDirectory, "index.json")));
        foreach (var c in index.RootElement.EnumerateArray())
        {
            var shape = c.GetProperty("srcShape");
            yield return [c.GetProperty("src").GetString()!, shape[0].GetInt32(), shape[1].GetInt32(),
                c.GetProperty("dst").GetString()!, c.GetProperty("size").GetInt32(), c.GetProperty("center").GetBoolean()];
        }
    }

    [SharedDataTheory]
    [MemberData(nameof(Cases))]
    public void Matches_face_api_toBatchTensor(string source, int height, int width, string expectedFile, int size, bool centred)
    {
        var raw = ReadFloats(Path.Combine(PrepDirectory, source));
        Assert.Equal(height * width * 3, raw.Length);
        var image = new RgbImage(width, height, [.. raw.Select(v => checked((byte)v))]);
        var expected = ReadFloats(Path.Combine(PrepDirectory, expectedFile));

        var window = centred ? SquareWindow.Centered(new PixelRect(0, 0, width, height)) : SquareWindow.PadBottomRight(width, height);
        var actual = new float[size * size * 3];
        TensorPrep.ResizeBilinear(image, window, size, actual);

        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Zip(actual, (e, a) => MathF.Abs(e - a)).Max();
        Assert.True(worst <= 1e-3f, $"max abs difference {worst}");
    }

    private static float[] ReadFloats(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var floats = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, floats, 0, bytes.Length);
        return floats;
    }
}

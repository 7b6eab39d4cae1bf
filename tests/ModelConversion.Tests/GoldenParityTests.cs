using System.Text.Json;
using AccessGrid.TestSupport;
using AccessGrid.Vision;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Xunit.Abstractions;

namespace AccessGrid.ModelConversion.Tests;

/// <summary>Every golden pair produced by the original JavaScript face-api is reproduced by the converted models.</summary>
public sealed class GoldenParityTests(ITestOutputHelper output)
{
    private static string GoldenDirectory => RepoPaths.Shared("golden", "face-api-1.7.15");

    /// <summary>(group in index.json, golden name); empty without ../shared, where the theory is skipped anyway.</summary>
    public static IEnumerable<object[]> Goldens()
    {
        if (RepoPaths.SharedDirectory is null) yield break;
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(GoldenDirectory, "index.json")));
        foreach (var group in index.RootElement.EnumerateObject())
        foreach (var golden in group.Value.EnumerateArray())
            yield return [group.Name, golden.GetProperty("name").GetString()!];
    }

    [SharedDataTheory]
    [MemberData(nameof(Goldens))]
    public void Converted_model_reproduces_the_javascript_output(string group, string name)
    {
        var (file, outputName, tolerance) = group switch
        {
            "recognition" => (ModelStore.RecognitionFile, "embedding", 1e-4f),
            "landmark" => (ModelStore.LandmarksFile, "landmarks", 1e-4f),
            "tiny" => (ModelStore.DetectorFile, "head", 1e-3f),
            _ => throw new InvalidOperationException($"unknown golden group '{group}'"),
        };
        var (inShape, outShape) = Shapes(group, name);
        var input = ReadFloats(Path.Combine(GoldenDirectory, $"{name}_in.bin"));
        var expected = ReadFloats(Path.Combine(GoldenDirectory, $"{name}_out.bin"));

        using var session = new InferenceSession(InstalledModels.File(file));
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("input", new DenseTensor<float>(input, inShape))]);
        var actual = results.Single(r => r.Name == outputName).AsTensor<float>();

        Assert.Equal(outShape, actual.Dimensions.ToArray());
        var maxDiff = expected.Zip(actual.ToArray(), (e, a) => Math.Abs(e - a)).Max();
        output.WriteLine($"{name}: max abs diff {maxDiff:E2} (tolerance {tolerance:E0}, largest value {expected.Max(Math.Abs):F2})");
        Assert.True(maxDiff <= tolerance, $"{name}: max abs diff {maxDiff:E2} exceeds {tolerance:E0}");
    }

    private static (int[] In, int[] Out) Shapes(string group, string name)
    {
        using var index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(GoldenDirectory, "index.json")));
        var entry = index.RootElement.GetProperty(group).EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        int[] Dims(string property) => entry.GetProperty(property).EnumerateArray().Select(d => d.GetInt32()).ToArray();
        return (Dims("inShape"), Dims("outShape"));
    }

    private static float[] ReadFloats(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var values = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, values, 0, values.Length * 4);
        return values;
    }
}

using AccessGrid.Vision;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace AccessGrid.ModelConversion.Tests;

/// <summary>The dynamic dimensions the contract promises: batch for recognition and landmarks, H×W for the detector.</summary>
public sealed class ConvertedModelShapeTests
{
    [Theory]
    [InlineData(416, 416, 13, 13)]
    [InlineData(320, 320, 10, 10)]
    [InlineData(256, 480, 8, 15)]
    public void Detector_head_is_a_thirty_second_of_the_input(int height, int width, int gridHeight, int gridWidth)
    {
        using var session = new InferenceSession(InstalledModels.File(ModelStore.DetectorFile));
        var input = new DenseTensor<float>(Noise(height * width * 3, seed: height + width), [1, height, width, 3]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("input", input)]);
        Assert.Equal([1, gridHeight, gridWidth, 25], results.Single(r => r.Name == "head").AsTensor<float>().Dimensions.ToArray());
    }

    [Theory]
    [InlineData(ModelStore.RecognitionFile, 150, "embedding", 128)]
    [InlineData(ModelStore.LandmarksFile, 112, "landmarks", 136)]
    public void A_batch_gives_each_item_the_result_it_gets_alone(string file, int size, string outputName, int width)
    {
        using var session = new InferenceSession(InstalledModels.File(file));
        var items = Enumerable.Range(0, 3).Select(i => Noise(size * size * 3, seed: i)).ToArray();
        float[] Run(float[] data, int batch)
        {
            using var results = session.Run([NamedOnnxValue.CreateFromTensor("input", new DenseTensor<float>(data, [batch, size, size, 3]))]);
            var tensor = results.Single(r => r.Name == outputName).AsTensor<float>();
            Assert.Equal([batch, width], tensor.Dimensions.ToArray());
            return tensor.ToArray();
        }

        var batched = Run(items.SelectMany(x => x).ToArray(), items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            var alone = Run(items[i], 1);
            var diff = alone.Select((v, j) => Math.Abs(v - batched[i * width + j])).Max();
            Assert.True(diff < 1e-5f, $"item {i}: batched result differs by {diff}");
        }
        // Different inputs must give different outputs, or the comparison above proves nothing.
        Assert.NotEqual(batched[..width], batched[width..(2 * width)]);
    }

    private static float[] Noise(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => (float)random.Next(256)).ToArray();
    }
}

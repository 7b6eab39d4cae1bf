using System.Text;
using AccessGrid.ModelConversion.Tfjs;

namespace AccessGrid.ModelConversion.Tests;

public sealed class TfjsWeightsReaderTests
{
    private const string MixedManifest = """
        [{"paths": ["a.bin", "b.bin"], "weights": [
          {"name": "q", "shape": [2, 2], "dtype": "float32", "quantization": {"dtype": "uint8", "scale": 0.1, "min": -1.3}},
          {"name": "f", "shape": [2], "dtype": "float32"},
          {"name": "s", "shape": [], "dtype": "float32", "quantization": {"dtype": "uint8", "scale": 0.5, "min": 0}}
        ]}]
        """;

    [Fact]
    public void Dequantises_in_double_and_copies_float32_entries_in_order()
    {
        // 4 uint8 + 2 float32 + 1 uint8 = 13 bytes, split across two shards at an arbitrary point (no alignment).
        byte[] all = [0, 1, 13, 255, .. BitConverter.GetBytes(1.25f), .. BitConverter.GetBytes(-7f), 6];
        var weights = Read(MixedManifest, ("a.bin", all[..5]), ("b.bin", all[5..]));

        Assert.Equal(new[] { 0, 1, 13, 255 }.Select(q => (float)(q * 0.1 + -1.3)), weights.Get("q", 2, 2).Values);
        Assert.Equal([1.25f, -7f], weights.Get("f", 2).Values);
        Assert.Equal([3f], weights.Get("s").Values);
        // tfjs computes q·scale + min in double; float32 arithmetic would round differently for this entry.
        float scale = 0.1f, min = -1.3f, q = 13;
        Assert.NotEqual(q * scale + min, weights.Get("q", 2, 2).Values[2]);
    }

    [Theory]
    [InlineData(12)]
    [InlineData(14)]
    public void Rejects_shards_whose_size_does_not_match_the_manifest(int byteCount)
    {
        var error = Assert.Throws<WeightsFormatException>(() => Read(MixedManifest, ("a.bin", new byte[byteCount]), ("b.bin", [])));
        Assert.Contains("a.bin+b.bin", error.Message);
    }

    [Theory]
    [InlineData("""{"weights": []}""", "array")]
    [InlineData("""[{"paths": ["a.bin"], "weights": [{"name": "x", "shape": [1], "dtype": "int32"}]}]""", "dtype")]
    [InlineData("""[{"paths": ["a.bin"], "weights": [{"name": "x", "shape": [1], "dtype": "float32", "quantization": {"dtype": "float16"}}]}]""", "float16")]
    [InlineData("""[{"paths": ["a.bin"], "weights": [{"name": "x", "shape": [1], "dtype": "float32", "quantization": {"dtype": "uint8"}}]}]""", "scale")]
    [InlineData("""[{"paths": ["a.bin"]}]""", "weights")]
    [InlineData("not json", "JSON")]
    public void Rejects_malformed_manifests_with_a_typed_error(string manifest, string mentioned)
    {
        var error = Assert.Throws<WeightsFormatException>(() => Read(manifest, ("a.bin", new byte[4])));
        Assert.Contains(mentioned, error.Message);
    }

    [Fact]
    public void Lookups_check_name_and_shape()
    {
        var weights = Read("""[{"paths": ["a.bin"], "weights": [{"name": "x", "shape": [2], "dtype": "float32"}]}]""", ("a.bin", new byte[8]));
        Assert.Contains("[2]", Assert.Throws<WeightsFormatException>(() => weights.Get("x", 1, 2)).Message);
        Assert.Contains("'y'", Assert.Throws<WeightsFormatException>(() => weights.Get("y", 2)).Message);
    }

    [Fact]
    public void Missing_files_are_reported_by_name()
    {
        var directory = Directory.CreateTempSubdirectory("ag-tfjs-");
        try
        {
            var manifest = Path.Combine(directory.FullName, "m-weights_manifest.json");
            File.WriteAllText(manifest, """[{"paths": ["m.bin"], "weights": []}]""");
            Assert.Contains("m.bin", Assert.Throws<WeightsFormatException>(() => TfjsWeightsReader.Read(manifest)).Message);
            Assert.Contains("not found", Assert.Throws<WeightsFormatException>(() => TfjsWeightsReader.Read(manifest + ".x")).Message);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void Hwio_filters_become_oihw()
    {
        // value encodes its own HWIO index (h, w, i, o) as digits: h·1000 + w·100 + i·10 + o.
        var hwio = new List<float>();
        for (var h = 0; h < 2; h++)
        for (var w = 0; w < 3; w++)
        for (var i = 0; i < 2; i++)
        for (var o = 0; o < 4; o++)
            hwio.Add(h * 1000 + w * 100 + i * 10 + o);
        var oihw = TfjsLayout.HwioToOihw(new TfjsTensor("f", [2, 3, 2, 4], hwio.ToArray()));
        var index = 0;
        for (var o = 0; o < 4; o++)
        for (var i = 0; i < 2; i++)
        for (var h = 0; h < 2; h++)
        for (var w = 0; w < 3; w++)
            Assert.Equal(h * 1000 + w * 100 + i * 10 + o, oihw[index++]);
    }

    private static TfjsWeights Read(string manifest, params (string Name, byte[] Bytes)[] shards) =>
        TfjsWeightsReader.Read(Encoding.UTF8.GetBytes(manifest), name => shards.Single(s => s.Name == name).Bytes);
}

using AccessGrid.ModelConversion.Networks;
using AccessGrid.ModelConversion.Onnx;
using AccessGrid.ModelConversion.Tfjs;
using AccessGrid.Vision;
using Microsoft.ML.OnnxRuntime;

namespace AccessGrid.ModelConversion.Quantization;

/// <summary>The int8 face-recognition net (face_recognition_int8.onnx): the float net's structure with its conv layers
/// quantised (<see cref="Int8ConvLayers"/>), activation ranges calibrated by running the float layers on real face
/// chips. Same input and output as the float net.</summary>
public static class Int8RecognitionNet
{
    /// <summary>Chips per calibration run.</summary>
    private const int Batch = 8;

    public static ModelProto Convert(TfjsWeights weights, IReadOnlyList<FaceChip> chips, string producerVersion)
    {
        var ranges = Calibrate(weights, chips);
        var graph = FaceRecognitionNet.Build(weights, new Int8ConvLayers(ranges));
        return new ModelProto(graph, "AccessGrid.ModelConversion", producerVersion,
            $"face_recognition_model from @vladmandic/face-api, int8 (QDQ), calibrated on {chips.Count} face chips");
    }

    /// <summary>Runs the folded float layers on the chips and keeps each quantised tensor's overall minimum and
    /// maximum.</summary>
    public static ActivationRanges Calibrate(TfjsWeights weights, IReadOnlyList<FaceChip> chips)
    {
        if (chips.Count == 0) throw new ArgumentException("calibration needs at least one face chip", nameof(chips));
        var model = new ModelProto(FaceRecognitionNet.Build(weights, new Int8ConvLayers(null)), "AccessGrid.ModelConversion", "calibration", "");
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(model.ToBytes(), options);
        var outputs = session.OutputMetadata.Keys.Where(k => k.EndsWith(Int8ConvLayers.MinSuffix) || k.EndsWith(Int8ConvLayers.MaxSuffix)).ToArray();
        var mins = new Dictionary<string, float>();
        var maxes = new Dictionary<string, float>();
        const int perChip = FaceChip.Size * FaceChip.Size * 3;
        for (var start = 0; start < chips.Count; start += Batch)
        {
            var count = Math.Min(Batch, chips.Count - start);
            var input = new float[count * perChip];
            for (var i = 0; i < count; i++) chips[start + i].Pixels.CopyTo(input, i * perChip);
            using var value = OrtValue.CreateTensorValueFromMemory(input, [count, FaceChip.Size, FaceChip.Size, 3]);
            using var runOptions = new RunOptions();
            using var results = session.Run(runOptions, [FaceEncoder.InputName], [value], outputs);
            for (var o = 0; o < outputs.Length; o++)
            {
                var v = results[o].GetTensorDataAsSpan<float>()[0];
                if (outputs[o].EndsWith(Int8ConvLayers.MinSuffix))
                {
                    var key = outputs[o][..^Int8ConvLayers.MinSuffix.Length];
                    mins[key] = mins.TryGetValue(key, out var m) ? Math.Min(m, v) : v;
                }
                else
                {
                    var key = outputs[o][..^Int8ConvLayers.MaxSuffix.Length];
                    maxes[key] = maxes.TryGetValue(key, out var m) ? Math.Max(m, v) : v;
                }
            }
        }
        return new ActivationRanges(mins.ToDictionary(kv => kv.Key, kv => (kv.Value, maxes[kv.Key])));
    }
}

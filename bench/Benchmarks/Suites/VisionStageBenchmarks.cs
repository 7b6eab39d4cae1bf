using AccessGrid.Benchmarks.Pipeline;
using AccessGrid.Vision;
using BenchmarkDotNet.Attributes;

namespace AccessGrid.Benchmarks.Suites;

/// <summary>Each pipeline stage alone on one 640×480 door frame, one ONNX thread, the defaults of PipelineOptions.</summary>
[MemoryDiagnoser]
public class VisionStageBenchmarks
{
    private FacePipeline _pipeline = null!;
    private OnnxModel[] _models = null!;
    private FaceLocator _locator = null!;
    private LandmarkDetector _landmarks = null!;
    private FaceEncoder _encoder = null!;
    private byte[] _jpeg = null!;
    private RgbImage _image = null!;
    private DetectionPass _pass = null!;
    private PointF[] _points = null!;
    private FaceChip[] _chips1 = null!;
    private FaceChip[] _chips8 = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new PipelineOptions();
        _pipeline = FacePipeline.Load(options: options);
        var dir = ModelStore.ModelsDirectory;
        _models =
        [
            new OnnxModel(Path.Combine(dir, ModelStore.DetectorFile), TinyFaceDetector.InputName, TinyFaceDetector.OutputName, 1),
            new OnnxModel(Path.Combine(dir, ModelStore.LandmarksFile), LandmarkDetector.InputName, LandmarkDetector.OutputName, 1),
            new OnnxModel(Path.Combine(dir, options.RecognitionFile), FaceEncoder.InputName, FaceEncoder.OutputName, 1),
        ];
        _locator = new FaceLocator(new TinyFaceDetector(_models[0]), options);
        _landmarks = new LandmarkDetector(_models[1]);
        _encoder = new FaceEncoder(_models[2]);

        _jpeg = DoorFrame.FromSample(_pipeline);
        _image = ImageDecoder.Decode(_jpeg, options.MaxPixels).Image ?? throw new InvalidDataException("The door frame did not decode.");
        _pass = _locator.Locate(_image);
        if (_pass.Faces.Count == 0) throw new InvalidDataException("No face in the door frame.");
        _points = _landmarks.Detect(_pass.Frame, [_pass.Faces[0].Box])[0];
        var chip = ChipExtractor.Extract(_pass.Frame, _points);
        _chips1 = [chip];
        _chips8 = Enumerable.Repeat(chip, 8).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _pipeline.Dispose();
        foreach (var model in _models) model.Dispose();
    }

    [Benchmark] public DecodedImage Decode() => ImageDecoder.Decode(_jpeg, 40_000_000);

    [Benchmark] public DetectionPass Detect() => _locator.Locate(_image);

    [Benchmark] public PointF[][] Landmarks() => _landmarks.Detect(_pass.Frame, [_pass.Faces[0].Box]);

    [Benchmark] public FaceChip Chip() => ChipExtractor.Extract(_pass.Frame, _points);

    [Benchmark] public float[][] EncodeBatch1() => _encoder.Encode(_chips1, mirrorAverage: true);

    /// <summary>Eight faces in one call: the per-face cost a FrameAnalysisQueue batch pays.</summary>
    [Benchmark(OperationsPerInvoke = 8)] public float[][] EncodeBatch8PerFace() => _encoder.Encode(_chips8, mirrorAverage: true);

    [Benchmark] public float[][] EncodeBatch1NoMirror() => _encoder.Encode(_chips1, mirrorAverage: false);

    [Benchmark] public FaceAnalysis WholePipeline() => _pipeline.Analyze(_jpeg);

    /// <summary>A decision snapshot or enrollment thumbnail from pixels already decoded: crop, scale to 160 px, JPEG q80.</summary>
    [Benchmark] public byte[] FaceCrop() => FaceThumbnail.Encode(_image, _pass.Faces[0].Box);

    /// <summary>What the frame analyzer pays when a door asks for a snapshot: decode the frame again, then crop.</summary>
    [Benchmark] public byte[]? FaceCropWithDecode() => FaceThumbnail.Encode(_jpeg, _pass.Faces[0].Box, 40_000_000);
}

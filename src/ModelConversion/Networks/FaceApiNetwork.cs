using AccessGrid.ModelConversion.Onnx;
using AccessGrid.ModelConversion.Tfjs;
using AccessGrid.Vision;

namespace AccessGrid.ModelConversion.Networks;

/// <summary>One face-api network: where its tfjs weights live in the npm package and which ONNX file it becomes.</summary>
public sealed record FaceApiNetwork(string ModelFile, string WeightsStem, Func<TfjsWeights, GraphProto> BuildGraph)
{
    public static IReadOnlyList<FaceApiNetwork> All { get; } =
    [
        new(ModelStore.RecognitionFile, "face_recognition_model", FaceRecognitionNet.Build),
        new(ModelStore.DetectorFile, "tiny_face_detector_model", TinyFaceDetectorNet.Build),
        new(ModelStore.LandmarksFile, "face_landmark_68_model", FaceLandmark68Net.Build),
    ];

    public string ManifestFile => $"{WeightsStem}-weights_manifest.json";
    public string BinFile => $"{WeightsStem}.bin";

    /// <summary>Reads the weights from <paramref name="modelDirectory"/> (the package's model/ folder) and builds the ONNX model.</summary>
    public ModelProto Convert(string modelDirectory, string producerVersion)
    {
        var weights = TfjsWeightsReader.Read(Path.Combine(modelDirectory, ManifestFile));
        var graph = BuildGraph(weights);
        return new ModelProto(graph, "AccessGrid.ModelConversion", producerVersion,
            $"{WeightsStem} from @vladmandic/face-api, converted from tfjs weights");
    }
}

using Microsoft.ML.OnnxRuntime;

namespace AccessGrid.Vision;

/// <summary>One ONNX graph with one float input and one float output, loaded once. ONNX Runtime's Run is
/// thread-safe, so a single instance serves every caller.</summary>
public sealed class OnnxModel : IDisposable
{
    private readonly SessionOptions _options;
    private readonly InferenceSession _session;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;

    public OnnxModel(string path, string inputName, string outputName, int intraOpThreads)
    {
        if (!File.Exists(path)) throw new ModelsNotInstalledException(Path.GetDirectoryName(path) ?? path, [Path.GetFileName(path)]);
        // Few threads per session: the server runs many requests side by side, and one thread per inference
        // avoids oversubscribing the cores.
        _options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            _session = new InferenceSession(path, _options);
        }
        catch
        {
            _options.Dispose();
            throw;
        }
        if (!_session.InputMetadata.ContainsKey(inputName) || !_session.OutputMetadata.ContainsKey(outputName))
        {
            Dispose();
            throw new InvalidDataException(
                $"{Path.GetFileName(path)} does not have input '{inputName}' and output '{outputName}' " +
                $"(it has {string.Join(", ", _session.InputMetadata.Keys)} → {string.Join(", ", _session.OutputMetadata.Keys)}); " +
                "reinstall the models with `accessgrid models install`.");
        }
        _inputNames = [inputName];
        _outputNames = [outputName];
        FileName = Path.GetFileName(path);
    }

    public string FileName { get; }

    /// <summary>Runs the graph on an NHWC tensor; returns the output values and shape.</summary>
    public (float[] Values, long[] Shape) Run(float[] input, long[] shape)
    {
        using var runOptions = new RunOptions();
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        using var outputs = _session.Run(runOptions, _inputNames, [value], _outputNames);
        var output = outputs[0];
        return (output.GetTensorDataAsSpan<float>().ToArray(), output.GetTensorTypeAndShape().Shape);
    }

    public void Dispose()
    {
        _session.Dispose();
        _options.Dispose();
    }
}

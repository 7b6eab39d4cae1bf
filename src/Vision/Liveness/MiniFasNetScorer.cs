namespace AccessGrid.Vision.Liveness;

/// <summary>Passive liveness with MiniFASNet (fr_liveness.onnx from npm faceplugin-face-recognition-js): the
/// context crop → 128² B,G,R tensor → 3 logits (0 = live, 1 = print, 2 = replay); live score = softmax[0].
/// Thread-safe; load once.</summary>
public sealed class MiniFasNetScorer : IPassiveLivenessScorer, IDisposable
{
    public const string InputName = "input";
    public const string OutputName = "output";

    private static readonly long[] InputShape = [1, 3, LivenessTensor.Side, LivenessTensor.Side];
    private readonly OnnxModel _model;
    private readonly LivenessOptions _options;

    private MiniFasNetScorer(OnnxModel model, LivenessOptions options)
    {
        _model = model;
        _options = options;
    }

    /// <summary>Loads fr_liveness.onnx from <paramref name="modelsDirectory"/> (default <see cref="ModelStore.ModelsDirectory"/>).
    /// Throws <see cref="ModelsNotInstalledException"/> when it is missing.</summary>
    public static MiniFasNetScorer Load(string? modelsDirectory = null, LivenessOptions? options = null, int intraOpThreads = 1)
    {
        options ??= new LivenessOptions();
        options.Validate();
        var path = Path.Combine(modelsDirectory ?? ModelStore.ModelsDirectory, ModelStore.LivenessFile);
        return new MiniFasNetScorer(new OnnxModel(path, InputName, OutputName, intraOpThreads), options);
    }

    public PassiveScore Score(RgbImage image, FaceBox box)
    {
        var crop = ContextCrop.Compute(box, image.Width, image.Height, _options.ContextScale);
        if (crop.Coverage < _options.MinContextCoverage) return new PassiveScore(null, crop.Coverage);
        var (logits, _) = _model.Run(LivenessTensor.Build(image, crop.Rect), InputShape);
        return new PassiveScore(LiveProbability(logits), crop.Coverage);
    }

    /// <summary>The model's raw logits for a prepared tensor (for golden tests and diagnostics).</summary>
    public float[] Logits(float[] tensor) => _model.Run(tensor, InputShape).Values;

    /// <summary>softmax(logits)[0]: the probability of the "live" class.</summary>
    public static float LiveProbability(ReadOnlySpan<float> logits)
    {
        float max = float.NegativeInfinity;
        foreach (var v in logits) max = MathF.Max(max, v);
        double sum = 0;
        foreach (var v in logits) sum += Math.Exp(v - max);
        return (float)(Math.Exp(logits[0] - max) / sum);
    }

    public void Dispose() => _model.Dispose();
}

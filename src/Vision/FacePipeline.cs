using System.Diagnostics;

namespace AccessGrid.Vision;

/// <summary>
/// Decode → detect → landmarks → dlib chip → encoding. Thread-safe: the three ONNX sessions are created once
/// and shared (ONNX Runtime's Run is thread-safe); every call works on its own buffers.
/// Bad input never throws: it comes back as <see cref="FaceAnalysis.Failed"/> with an <see cref="ImageProblem"/>.
/// Faces are ordered by <see cref="PipelineOptions.PrimaryFace"/> (see <see cref="FaceOrdering.Order"/>).
/// </summary>
public sealed class FacePipeline : IDisposable
{
    private readonly OnnxModel[] _models;
    private readonly FaceLocator _locator;
    private readonly LandmarkDetector _landmarks;
    private readonly FaceEncoder _encoder;
    private readonly DecodeBudget _decodeBudget;

    private FacePipeline(OnnxModel detector, OnnxModel landmarks, OnnxModel encoder, PipelineOptions options)
    {
        _models = [detector, landmarks, encoder];
        Options = options;
        _locator = new FaceLocator(new TinyFaceDetector(detector), options);
        _landmarks = new LandmarkDetector(landmarks);
        _encoder = new FaceEncoder(encoder);
        _decodeBudget = new DecodeBudget(options.DecodeBudgetPixels);
    }

    public PipelineOptions Options { get; }

    /// <summary>Loads the three models (the recognition net float or int8, as the options say) from <paramref name="modelsDirectory"/> (default
    /// <see cref="ModelStore.ModelsDirectory"/>). Throws <see cref="ModelsNotInstalledException"/> when a file is
    /// missing and <see cref="ArgumentException"/> for invalid options.</summary>
    public static FacePipeline Load(string? modelsDirectory = null, PipelineOptions? options = null)
    {
        options ??= new PipelineOptions();
        options.Validate();
        var dir = modelsDirectory ?? ModelStore.ModelsDirectory;
        var recognition = options.RecognitionFile;
        string[] files = [ModelStore.DetectorFile, ModelStore.LandmarksFile, recognition];
        var missing = files.Where(f => !File.Exists(Path.Combine(dir, f))).ToList();
        if (missing.Count > 0) throw new ModelsNotInstalledException(dir, missing);

        var loaded = new List<OnnxModel>();
        try
        {
            OnnxModel Open(string file, string input, string output)
            {
                var model = new OnnxModel(Path.Combine(dir, file), input, output, options.IntraOpNumThreads);
                loaded.Add(model);
                return model;
            }
            return new FacePipeline(
                Open(ModelStore.DetectorFile, TinyFaceDetector.InputName, TinyFaceDetector.OutputName),
                Open(ModelStore.LandmarksFile, LandmarkDetector.InputName, LandmarkDetector.OutputName),
                Open(recognition, FaceEncoder.InputName, FaceEncoder.OutputName),
                options);
        }
        catch
        {
            foreach (var model in loaded) model.Dispose();
            throw;
        }
    }

    /// <summary>Every face in one encoded image, primary first, or the problem that stopped the analysis.</summary>
    public FaceAnalysis Analyze(ReadOnlySpan<byte> encodedImage) => Finish([Prepare(encodedImage)])[0];

    /// <summary>Like <see cref="Analyze"/> for several images; the chips of all images share encoder batches.</summary>
    public IReadOnlyList<FaceAnalysis> AnalyzeMany(IReadOnlyList<byte[]> encodedImages)
    {
        ArgumentNullException.ThrowIfNull(encodedImages);
        var prepared = new PreparedImage[encodedImages.Count];
        for (int i = 0; i < prepared.Length; i++) prepared[i] = Prepare(encodedImages[i] ?? []);
        return Finish(prepared);
    }

    /// <summary>Everything up to the chips: decode, detect, landmarks, align.</summary>
    private PreparedImage Prepare(ReadOnlySpan<byte> encoded)
    {
        // The decoded pixels live until the chips are cut: hold their share of the decode budget until then. Images over
        // the pixel limit are refused before their pixels exist, so they take nothing.
        var declared = ImageDecoder.DeclaredPixels(encoded);
        using var lease = _decodeBudget.Take(declared <= Options.MaxPixels ? declared : 0);
        var clock = Stopwatch.StartNew();
        var decoded = ImageDecoder.Decode(encoded, Options.MaxPixels);
        var timings = new StageTimings(Decode: Lap(clock));
        if (decoded.Image is not { } image) return PreparedImage.Fail(decoded.Problem!, 0, 0, timings);

        var pass = _locator.Locate(image);
        timings = timings with { Detect = Lap(clock) };
        if (pass.Faces.Count == 0)
        {
            var problem = pass.OnlyTooSmall
                ? new ImageProblem(ImageProblemKind.FaceTooSmall, $"Every face found is smaller than {Options.MinFaceSize} px.")
                : new ImageProblem(ImageProblemKind.NoFace, "No face found.");
            return PreparedImage.Fail(problem, image.Width, image.Height, timings);
        }

        var landmarks = _landmarks.Detect(pass.Frame, [.. pass.Faces.Select(f => f.Box)]);
        timings = timings with { Landmarks = Lap(clock) };

        var faces = new List<PendingFace>(pass.Faces.Count);
        var jitter = new Random(JitterSeed); // the same image always gives the same jitters, so encodings are repeatable
        for (int i = 0; i < pass.Faces.Count; i++)
        {
            if (!IsFinite(landmarks[i])) continue;
            var chip = ChipExtractor.Extract(pass.Frame, landmarks[i]);
            var quality = FaceQualityMeter.Measure(chip, landmarks[i]);
            var jittered = new FaceChip[Options.Jitter];
            for (int j = 0; j < jittered.Length; j++) jittered[j] = ChipExtractor.Extract(pass.Frame, landmarks[i], ChipJitter.Random(jitter));
            faces.Add(new PendingFace(
                pass.ToOriginal(pass.Faces[i].Box, image.Width, image.Height),
                pass.Faces[i].Score,
                [.. landmarks[i].Select(pass.ToOriginal)],
                [chip, .. jittered],
                quality));
        }
        timings = timings with { Align = Lap(clock) };
        return faces.Count == 0
            ? PreparedImage.Fail(new ImageProblem(ImageProblemKind.NoFace, "No face could be aligned."), image.Width, image.Height, timings)
            : new PreparedImage(null, image.Width, image.Height, faces, timings);
    }

    /// <summary>Encodes the chips of all images in shared batches and assembles the results.</summary>
    private FaceAnalysis[] Finish(IReadOnlyList<PreparedImage> images)
    {
        var chips = images.SelectMany(p => p.Faces.SelectMany(f => f.Chips)).ToList();
        var clock = Stopwatch.StartNew();
        var embeddings = chips.Count > 0 ? _encoder.Encode(chips, Options.MirrorAverage) : [];
        double msPerChip = chips.Count > 0 ? clock.Elapsed.TotalMilliseconds / chips.Count : 0;

        var results = new FaceAnalysis[images.Count];
        int next = 0;
        for (int i = 0; i < images.Count; i++)
        {
            var p = images[i];
            if (p.Failure is { } problem)
            {
                results[i] = FaceAnalysis.Failed(problem, p.Width, p.Height, p.Timings);
                continue;
            }
            var faces = new List<Face>(p.Faces.Count);
            foreach (var f in p.Faces)
            {
                // The plain chip's encoding, or its mean with the jittered chips' (Options.Jitter).
                var encoding = f.Chips.Length == 1 ? embeddings[next] : EncodingMean.Of(embeddings[next..(next + f.Chips.Length)]);
                next += f.Chips.Length;
                faces.Add(new Face(f.Box, f.Score, f.Landmarks, encoding, f.Quality));
            }
            results[i] = new FaceAnalysis(null, p.Width, p.Height,
                FaceOrdering.Order(faces, Options.PrimaryFace, p.Width, p.Height),
                p.Timings with { Encode = msPerChip * p.Faces.Sum(f => f.Chips.Length) });
        }
        return results;
    }

    private static double Lap(Stopwatch clock)
    {
        double ms = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        return ms;
    }

    private static bool IsFinite(PointF[] points) => points.All(p => float.IsFinite(p.X) && float.IsFinite(p.Y));

    public void Dispose()
    {
        foreach (var model in _models) model.Dispose();
    }

    private const int JitterSeed = 20_061;

    /// <param name="Chips">The plain chip first, then the jittered ones.</param>
    private sealed record PendingFace(FaceBox Box, float Score, PointF[] Landmarks, FaceChip[] Chips, FaceQuality Quality);

    private sealed record PreparedImage(ImageProblem? Failure, int Width, int Height, IReadOnlyList<PendingFace> Faces, StageTimings Timings)
    {
        public static PreparedImage Fail(ImageProblem problem, int width, int height, StageTimings timings) =>
            new(problem, width, height, [], timings);
    }
}

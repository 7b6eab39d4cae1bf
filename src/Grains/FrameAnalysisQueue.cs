using System.Diagnostics;
using System.Threading.Channels;
using AccessGrid.Vision;
using AccessGrid.Vision.Liveness;
using Microsoft.Extensions.Logging;

namespace AccessGrid.Grains;

/// <summary>Runs the vision pipeline off the Orleans scheduler, one per silo. Frames that arrive while the workers are
/// busy are analysed together in one <see cref="FacePipeline.AnalyzeMany"/> call (batched ONNX runs are cheaper per
/// face); a lone frame never waits for company, so batching adds no latency at low load. A burst's frames go through
/// the same queue (and batch with each other), then the liveness stage tracks the primary person through them.</summary>
public sealed class FrameAnalysisQueue : IAsyncDisposable
{
    /// <summary>Enough to fill a recognition batch; more only adds latency for the first frame in it.</summary>
    public const int MaxBatch = 8;

    private readonly Lazy<FacePipeline> _pipeline;
    private readonly Lazy<IPassiveLivenessScorer?> _scorer;
    private readonly LivenessOptions _livenessOptions;
    private static readonly PassiveScore Unscored = new(null, 0);
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Task[] _workers;
    private readonly ILogger<FrameAnalysisQueue> _logger;

    /// <param name="loadScorer">Loads the passive liveness model; null, or a load that finds no model, leaves bursts
    /// with liveness "not_checked" (a door with a liveness policy then denies liveness_unproven).</param>
    public FrameAnalysisQueue(Func<FacePipeline> loadPipeline, ILogger<FrameAnalysisQueue> logger, int workers = 0,
        Func<IPassiveLivenessScorer>? loadScorer = null, LivenessOptions? liveness = null)
    {
        _logger = logger;
        _pipeline = new Lazy<FacePipeline>(loadPipeline, LazyThreadSafetyMode.ExecutionAndPublication);
        _scorer = new Lazy<IPassiveLivenessScorer?>(() => LoadScorer(loadScorer), LazyThreadSafetyMode.ExecutionAndPublication);
        _livenessOptions = liveness ?? new LivenessOptions();
        var count = workers > 0 ? workers : Environment.ProcessorCount;
        _workers = [.. Enumerable.Range(0, count).Select(_ => Task.Run(Work))];
    }

    /// <summary>Every face of the image, primary first, or the problem that stopped the analysis; with
    /// <paramref name="faceJpeg"/> also a small JPEG of the primary face.</summary>
    public async Task<AnalysedFrame> Analyze(byte[] image, bool faceJpeg = false, CancellationToken cancellationToken = default)
    {
        var analysis = await Enqueue(image, cancellationToken).ConfigureAwait(false);
        var frame = FrameMapper.ToFrame(analysis);
        if (!faceJpeg || analysis.Primary is not { } primary) return frame;
        // Decoding again costs a few ms (docs/benchmarks.md, "Face crops"): only when asked, off the caller's thread.
        return frame with { FaceJpeg = await Task.Run(() => Crop(image, primary), cancellationToken).ConfigureAwait(false) };
    }

    /// <summary>Every frame of a burst, the tracked primary person and, when <paramref name="measureLiveness"/>, their
    /// liveness evidence (a second decode of the tracked frames and the passive model: about a fifth of a single
    /// frame's cost, wasted on a door whose policy is off); with <paramref name="faceJpeg"/> also a small JPEG of the
    /// tracked face in its best frame. Throws <see cref="AccessGridException"/> mixed_frame_sizes when decoded frames
    /// differ in size (one camera, one size).</summary>
    public async Task<AnalysedBurst> AnalyzeBurst(IReadOnlyList<byte[]> images, bool measureLiveness = true, bool faceJpeg = false,
        CancellationToken cancellationToken = default)
    {
        var analyses = await Task.WhenAll(images.Select(i => Enqueue(i ?? [], cancellationToken))).ConfigureAwait(false);
        var sizes = analyses.Where(a => a.Width > 0).Select(a => (a.Width, a.Height)).Distinct().ToArray();
        if (sizes.Length > 1)
            throw AccessGridException.Invalid("mixed_frame_sizes",
                $"The frames of a burst must all have one size (got {string.Join(", ", sizes.Select(s => $"{s.Width}x{s.Height}"))}).");
        // Scoring decodes the tracked frames again and runs a model: keep it off the caller's (Orleans) thread.
        return await Task.Run(() =>
        {
            var burst = Track(images, analyses, measureLiveness);
            return faceJpeg ? burst with { FaceJpeg = BestTrackedCrop(images, analyses, burst.Track) } : burst;
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The JPEG of the tracked face in the frame where the detector was surest of it; null without a track.</summary>
    private byte[]? BestTrackedCrop(IReadOnlyList<byte[]> images, FaceAnalysis[] analyses, int[] track)
    {
        var tracked = Enumerable.Range(0, track.Length).Where(i => track[i] >= 0).ToArray();
        if (tracked.Length == 0) return null;
        var best = tracked.MaxBy(i => analyses[i].Faces[track[i]].Score);
        return Crop(images[best], analyses[best].Faces[track[best]]);
    }

    private byte[]? Crop(byte[] image, Face face)
    {
        using var _ = GrainMetrics.Tracing.StartActivity("crop face");
        return FaceThumbnail.Encode(image, face.Box, _pipeline.Value.Options.MaxPixels);
    }

    private AnalysedBurst Track(IReadOnlyList<byte[]> images, FaceAnalysis[] analyses, bool measureLiveness)
    {
        var faces = analyses.Select(a => (IReadOnlyList<Face>)a.Faces).ToArray();
        var frames = analyses.Select(FrameMapper.ToFrame).ToArray();
        if (!measureLiveness || _scorer.Value is not { } scorer)
        {
            var indices = new PrimaryFaceTracker(_livenessOptions).Track(faces);
            return new AnalysedBurst(frames, [.. indices.Select(i => i ?? -1)], LivenessSummary.NotChecked);
        }

        var maxPixels = _pipeline.Value.Options.MaxPixels;
        var started = Stopwatch.GetTimestamp();
        var burst = new LivenessChecker(scorer, _livenessOptions).Check(faces,
            (i, face) => ImageDecoder.Decode(images[i], maxPixels).Image is { } image ? scorer.Score(image, face.Box) : Unscored,
            requireBlink: false);
        GrainMetrics.LivenessScored(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        var track = new int[analyses.Length];
        for (int i = 0; i < track.Length; i++)
            track[i] = burst.Track[i] is { } tracked ? IndexOf(analyses[i].Faces, tracked) : -1;
        var result = burst.Result;
        var verdict = result.Verdict switch
        {
            LivenessVerdict.Live => LivenessOutcome.Live,
            LivenessVerdict.Spoof => LivenessOutcome.Spoof,
            _ => LivenessOutcome.Undecidable,
        };
        return new AnalysedBurst(frames, track, new LivenessSummary(verdict, result.Score, result.Blink, result.FramesUsed));
    }

    private static int IndexOf(IReadOnlyList<Face> faces, Face face)
    {
        for (int i = 0; i < faces.Count; i++)
            if (ReferenceEquals(faces[i], face)) return i;
        return -1;
    }

    private IPassiveLivenessScorer? LoadScorer(Func<IPassiveLivenessScorer>? load)
    {
        if (load is null) return null;
        try
        {
            return load();
        }
        catch (ModelsNotInstalledException ex)
        {
            _logger.LogWarning(ex, "No liveness model: bursts are analysed without liveness evidence (doors with a liveness policy deny them)");
            return null;
        }
    }

    private Task<FaceAnalysis> Enqueue(byte[] image, CancellationToken cancellationToken)
    {
        var pending = new Pending(image, new TaskCompletionSource<FaceAnalysis>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(pending)) throw new ObjectDisposedException(nameof(FrameAnalysisQueue));
        return pending.Result.Task.WaitAsync(cancellationToken);
    }

    private async Task Work()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count == 0) continue;
            try
            {
                IReadOnlyList<FaceAnalysis> results;
                using (GrainMetrics.Tracing.StartActivity("analyse frames")?.SetTag("frames", batch.Count))
                    results = _pipeline.Value.AnalyzeMany([.. batch.Select(p => p.Image)]);
                for (var i = 0; i < batch.Count; i++)
                {
                    GrainMetrics.Analysed(results[i].Timings);
                    batch[i].Result.TrySetResult(results[i]);
                }
            }
            catch (Exception ex)
            {
                // Bad images come back as problems; an exception here is a missing model or a bug: fail these frames, keep serving.
                _logger.LogError(ex, "Analysing a batch of {Count} frames failed", batch.Count);
                foreach (var p in batch) p.Result.TrySetException(ex);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_workers).ConfigureAwait(false);
        if (_pipeline.IsValueCreated) _pipeline.Value.Dispose();
        if (_scorer.IsValueCreated && _scorer.Value is IDisposable scorer) scorer.Dispose();
    }

    private sealed record Pending(byte[] Image, TaskCompletionSource<FaceAnalysis> Result);
}

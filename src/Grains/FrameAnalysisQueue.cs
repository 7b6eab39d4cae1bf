using System.Threading.Channels;
using AccessGrid.Vision;
using Microsoft.Extensions.Logging;

namespace AccessGrid.Grains;

/// <summary>Runs the vision pipeline off the Orleans scheduler, one per silo. Frames that arrive while the workers are
/// busy are analysed together in one <see cref="FacePipeline.AnalyzeMany"/> call (batched ONNX runs are cheaper per
/// face); a lone frame never waits for company, so batching adds no latency at low load.</summary>
public sealed class FrameAnalysisQueue : IAsyncDisposable
{
    /// <summary>Enough to fill a recognition batch; more only adds latency for the first frame in it.</summary>
    public const int MaxBatch = 8;

    private readonly Lazy<FacePipeline> _pipeline;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleWriter = false });
    private readonly Task[] _workers;
    private readonly ILogger<FrameAnalysisQueue> _logger;

    public FrameAnalysisQueue(Func<FacePipeline> loadPipeline, ILogger<FrameAnalysisQueue> logger, int workers = 0)
    {
        _logger = logger;
        _pipeline = new Lazy<FacePipeline>(loadPipeline, LazyThreadSafetyMode.ExecutionAndPublication);
        var count = workers > 0 ? workers : Environment.ProcessorCount;
        _workers = [.. Enumerable.Range(0, count).Select(_ => Task.Run(Work))];
    }

    /// <summary>Every face of the image, primary first, or the problem that stopped the analysis.</summary>
    public Task<AnalysedFrame> Analyze(byte[] image, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(image, new TaskCompletionSource<AnalysedFrame>(TaskCreationOptions.RunContinuationsAsynchronously));
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
                    batch[i].Result.TrySetResult(FrameMapper.ToFrame(results[i]));
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
    }

    private sealed record Pending(byte[] Image, TaskCompletionSource<AnalysedFrame> Result);
}

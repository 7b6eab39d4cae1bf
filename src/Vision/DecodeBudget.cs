namespace AccessGrid.Vision;

/// <summary>A budget of decoded pixels in flight, shared by every decode of one <see cref="FacePipeline"/> (one per
/// silo). A decode first takes as many pixels as the image header declares and gives them back when its pixels are no
/// longer needed, so however many huge images arrive at once, only about <see cref="Capacity"/> pixels are in memory
/// (3 bytes each, twice that while an EXIF rotation copies them). Waiters are served first come, first served, so a
/// stream of small frames cannot starve a large one. An image larger than the whole budget waits until it is alone.</summary>
public sealed class DecodeBudget
{
    /// <summary>A returned share at least this large (60 MB of pixels) is collected at once: left to the GC, the
    /// garbage of a flood of huge images piles up to the GC's own budget (1.6 GB for 30 images of 40 MP, measured)
    /// before it is freed. Camera frames (0.3–8 MP) never trigger it.</summary>
    public const long CollectAfterPixels = 20_000_000;

    private readonly Lock _lock = new();
    private readonly Queue<(long Pixels, TaskCompletionSource Ready)> _waiting = new();
    private long _available;

    public DecodeBudget(long capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
        _available = capacity;
    }

    public long Capacity { get; }

    /// <summary>Pixels not taken right now.</summary>
    public long Available
    {
        get { lock (_lock) return _available; }
    }

    /// <summary>Decodes waiting for pixels right now.</summary>
    public int Waiting
    {
        get { lock (_lock) return _waiting.Count; }
    }

    /// <summary>Takes <paramref name="pixels"/> (at most the whole budget), blocking until they are free. The pipeline
    /// is synchronous (it runs on the encoder's own workers), so this waits rather than awaits.</summary>
    public Lease Take(long pixels)
    {
        var wanted = Math.Clamp(pixels, 0, Capacity);
        TaskCompletionSource ready;
        lock (_lock)
        {
            if (_waiting.Count == 0 && _available >= wanted)
            {
                _available -= wanted;
                return new Lease(this, wanted);
            }
            ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue((wanted, ready));
        }
        ready.Task.Wait();
        return new Lease(this, wanted);
    }

    private void Give(long pixels)
    {
        if (pixels >= CollectAfterPixels) GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: false);
        List<TaskCompletionSource> granted = [];
        lock (_lock)
        {
            _available += pixels;
            while (_waiting.TryPeek(out var next) && _available >= next.Pixels)
            {
                _waiting.Dequeue();
                _available -= next.Pixels;
                granted.Add(next.Ready);
            }
        }
        foreach (var ready in granted) ready.SetResult();
    }

    /// <summary>Pixels taken from the budget; disposing gives them back (once).</summary>
    public sealed class Lease(DecodeBudget budget, long pixels) : IDisposable
    {
        private long _pixels = pixels;

        public long Pixels => Interlocked.Read(ref _pixels);

        public void Dispose()
        {
            var pixels = Interlocked.Exchange(ref _pixels, 0);
            if (pixels > 0) budget.Give(pixels);
        }
    }
}

using System.Diagnostics;

namespace AccessGrid.Ops.Load;

/// <summary>Live counters of a run, safe to read from the progress display while requests complete.</summary>
public sealed class LoadProgress
{
    private readonly Lock _gate = new();
    private readonly List<double> _latencies = [];
    private Stopwatch _clock = new();
    private int _sent, _completed, _errors;

    public int Total { get; private set; }

    public void Start(Stopwatch clock, int total)
    {
        _clock = clock;
        Total = total;
    }

    public void Sent() => Interlocked.Increment(ref _sent);

    public void Completed(RequestOutcome outcome)
    {
        lock (_gate)
        {
            _completed++;
            if (outcome.Succeeded) _latencies.Add(outcome.LatencyMs);
            else _errors++;
        }
    }

    public LoadSnapshot Snapshot()
    {
        lock (_gate)
        {
            var sorted = _latencies.ToArray();
            Array.Sort(sorted);
            return new LoadSnapshot(_clock.Elapsed, Total, Volatile.Read(ref _sent), _completed, _errors,
                Percentiles.Of(sorted, 0.50), Percentiles.Of(sorted, 0.99), sorted.Length > 0 ? sorted[^1] : 0);
        }
    }
}

/// <summary>The run so far: what the live display shows.</summary>
public sealed record LoadSnapshot(TimeSpan Elapsed, int Total, int Sent, int Completed, int Errors, double P50, double P99, double Max)
{
    public int InFlight => Sent - Completed;
}

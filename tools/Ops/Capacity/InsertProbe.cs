using System.Diagnostics;
using Azure.Data.Tables;

namespace AccessGrid.Ops.Capacity;

/// <summary>A plain table insert, one at a time with a short gap, into a table of its own: how long a write waits
/// when the emulator is busy (Azurite saves its whole table database every 5 s and answers nothing meanwhile).</summary>
public sealed class InsertProbe(TableClient table)
{
    /// <summary>Writes slower than this count as stalls.</summary>
    public const double StallMs = 100;

    private int _sequence;

    public async Task<ProbeResult> Run(TimeSpan duration, CancellationToken ct)
    {
        await table.CreateIfNotExistsAsync(ct);
        var samples = new List<(double AtSeconds, double Ms)>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration && !ct.IsCancellationRequested)
        {
            var start = clock.Elapsed;
            await table.AddEntityAsync(new TableEntity("probe", $"{Interlocked.Increment(ref _sequence):D9}") { ["At"] = DateTimeOffset.UtcNow }, ct);
            samples.Add((start.TotalSeconds, (clock.Elapsed - start).TotalMilliseconds));
            await Task.Delay(20, ct);
        }
        return ProbeResult.From(samples);
    }
}

using System.Diagnostics;

namespace AccessGrid.Cli.Load;

/// <summary>Sends request i at exactly start + i / rate, whether or not earlier ones have answered (open loop), and
/// measures each latency from that due time. A closed loop would wait for slow answers and so send less exactly
/// when the system struggles — coordinated omission — hiding the very latencies that matter.</summary>
/// Request i goes to door i mod doors through gateway i mod gateways.
public sealed class OpenLoopRunner(IReadOnlyList<AccessGridClient> gateways, LoadScenario scenario, LoadSettings settings)
{
    private readonly LoadProgress _progress = new();

    public LoadProgress Progress => _progress;

    public async Task<IReadOnlyList<RequestOutcome>> Run(CancellationToken ct)
    {
        var random = new Random(settings.Seed);
        var frames = scenario.Frames.GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.ToArray());
        int total = settings.TotalRequests;
        var outcomes = new RequestOutcome[total];
        var inFlight = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        _progress.Start(clock, total);

        for (int i = 0; i < total && !ct.IsCancellationRequested; i++)
        {
            double due = i / settings.Rate;
            var wait = TimeSpan.FromSeconds(due) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                try { await Task.Delay(wait, ct); }
                catch (OperationCanceledException) { break; }
            }

            var kind = settings.Mix.Draw(random);
            var pool = frames.GetValueOrDefault(kind) ?? frames.Values.First(); // a kind without frames falls back
            var frame = pool[random.Next(pool.Length)];
            var (doorId, readerKey) = scenario.Doors[i % scenario.Doors.Count];
            int index = i;
            _progress.Sent();
            var client = gateways[i % gateways.Count];
            inFlight.Add(Task.Run(async () => outcomes[index] = await Send(client, clock, due, doorId, readerKey, frame), CancellationToken.None));
        }
        await Task.WhenAll(inFlight);
        return outcomes.Where(o => o is not null).ToList();
    }

    private async Task<RequestOutcome> Send(AccessGridClient client, Stopwatch clock, double due, string doorId, string readerKey, LoadFrame frame)
    {
        // Stragglers end at the client timeout; cancelling the run does not abandon requests already sent.
        var (status, body, error) = await client.Access(doorId, readerKey, frame.Jpeg, CancellationToken.None);
        double latencyMs = (clock.Elapsed.TotalSeconds - due) * 1000;
        string? Text(string name) =>
            body is { } b && b.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : null;
        var outcome = new RequestOutcome(due, latencyMs, doorId, frame.Kind, frame.StaffId, status,
            Text("decision"), Text("reason"), Text("staffId"), Text("eventId"), error);
        _progress.Completed(outcome);
        return outcome;
    }
}

using System.Diagnostics;
using System.Text.Json;
using AccessGrid.Client;
using AccessGrid.Grains;

namespace AccessGrid.Ops.Load;

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
        var (status, decision, error) = await Access(client.WithKey(readerKey), doorId, frame.Jpeg);
        double latencyMs = (clock.Elapsed.TotalSeconds - due) * 1000;
        var outcome = new RequestOutcome(due, latencyMs, doorId, frame.Kind, frame.StaffId, status,
            decision is null ? null : ApiJson.Name(decision.Outcome), decision is null ? null : ApiJson.Name(decision.Reason),
            decision?.StaffId, decision?.EventId, error);
        _progress.Completed(outcome);
        return outcome;
    }

    /// <summary>One door request; every failure becomes an error kind (http_503, timeout, connection_refused…), never
    /// an exception, so the run goes on and the report can count them.</summary>
    public static async Task<(int Status, Decision? Decision, string? Error)> Access(AccessGridClient reader, string doorId, byte[] jpeg)
    {
        try
        {
            return (200, await reader.Access(doorId, jpeg, ct: CancellationToken.None), null);
        }
        catch (AccessGridApiException e)
        {
            return ((int)e.Status, null, $"http_{(int)e.Status}");
        }
        catch (TaskCanceledException)
        {
            return (0, null, "timeout");
        }
        catch (HttpRequestException e)
        {
            return (0, null, e.HttpRequestError switch
            {
                HttpRequestError.ConnectionError => "connection_refused",
                HttpRequestError.ResponseEnded => "connection_reset",
                _ => "http_" + e.HttpRequestError.ToString().ToLowerInvariant(),
            });
        }
        catch (JsonException)
        {
            return (200, null, "bad_json");
        }
    }
}

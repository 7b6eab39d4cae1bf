using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using AccessGrid.Client;
using AccessGrid.Grains;
using AccessGrid.Ops.Load;

namespace AccessGrid.Ops.Drills;

/// <summary>Thousands of hostile requests at a reader's door on one silo. Passes when nothing answers 5xx or drops the
/// connection, the silo is still alive and deciding afterwards, and its peak resident memory stays under the limit.</summary>
public static class MalformedDrill
{
    public static async Task<DrillResult> Run(DrillOptions options, Action<string> log, CancellationToken ct)
    {
        using var cluster = await DrillCluster.Start("malformed", 1, log, ct);
        using var admin = AccessGridClient.Create(cluster.Url(0), cluster.AdminKey, options.Timeout);
        var library = FrameLibrary.Load(options.ImagesFolder, people: 1, unknownPeople: 1);
        const string door = "drill-door";
        await admin.CreateDoor(door, "Drill door", "drill", DoorMode.Both, ct: ct);
        var reader = admin.WithKey((await admin.CreateKey(ApiRole.Reader, door, ct)).Key);
        var valid = library.Frames[FrameKind.Unknown][0].Jpeg;
        var inputs = new MalformedInputs(valid, seed: 7);
        var baseline = cluster.Silo(0)!.PeakRssMegabytes ?? 0;

        var statuses = new ConcurrentDictionary<string, int>();
        var failures = new ConcurrentDictionary<string, int>();
        var requests = Enumerable.Range(0, options.MalformedRequests).Select(inputs.Next).ToList(); // seeded: generate in order
        var clock = System.Diagnostics.Stopwatch.StartNew();
        int done = 0;
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (r, token) =>
        {
            string outcome;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/doors/{door}/access") { Content = new ByteArrayContent(r.Body) };
                if (r.ContentType is not null) request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(r.ContentType);
                if (r.HugeHeader is not null) request.Headers.TryAddWithoutValidation("X-Padding", r.HugeHeader);
                using var response = await reader.SendRaw(request, token);
                outcome = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                if ((int)response.StatusCode >= 500) failures.AddOrUpdate($"{r.Kind} → {outcome}", 1, (_, n) => n + 1);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                outcome = e is TaskCanceledException ? "timeout" : "connection_error";
                failures.AddOrUpdate($"{r.Kind} → {outcome}", 1, (_, n) => n + 1);
            }
            statuses.AddOrUpdate(outcome, 1, (_, n) => n + 1);
            if (Interlocked.Increment(ref done) % 1000 == 0) log(F($"{done}/{requests.Count} sent in {clock.Elapsed.TotalSeconds:F0} s"));
        });

        var silo = cluster.Silo(0)!;
        var peak = silo.PeakRssMegabytes;
        var (afterStatus, _, afterError) = await OpenLoopRunner.Access(reader, door, valid);
        var checks = new List<DrillCheck>
        {
            new("no 5xx, no dropped connection", failures.IsEmpty, failures.IsEmpty ? F($"0 of {requests.Count}") : string.Join(", ", failures.Select(f => $"{f.Key} ×{f.Value}"))),
            new("silo alive and deciding afterwards", !silo.HasExited && afterStatus == 200, afterError ?? F($"HTTP {afterStatus}")),
            new("bounded memory", peak is { } p && p <= options.MaxRssMegabytes, F($"peak RSS {peak:F0} MB (limit {options.MaxRssMegabytes:F0} MB, {baseline:F0} MB before)")),
        };
        var figures = new Dictionary<string, string>
        {
            ["requests"] = F($"{requests.Count} in {clock.Elapsed.TotalSeconds:F1} s, {MalformedInputs.Kinds.Length} kinds"),
            ["status codes"] = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} ×{s.Value}")),
        };
        return new DrillResult("malformed", checks, figures);
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}

using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using AccessGrid.Client;

namespace AccessGrid.Cli.Import;

/// <summary>Imports CSV rows through the public API: create the person unless they exist, grant doors and zones (the
/// API answers unknown_door / invalid_zone), enroll each photo not yet in the journal. Every refusal becomes a reject
/// with the API's reason; the other rows and photos go on. Rules are the server's: nothing is re-checked here.</summary>
public sealed class StaffImporter(AccessGridClient client, string photosDirectory, ImportJournal journal)
{
    private readonly string _photos = Path.GetFullPath(photosDirectory);
    private readonly ConcurrentQueue<ImportReject> _rejects = new();
    private int _created, _existing, _enrolled, _skipped;

    public async Task<ImportSummary> Run(IReadOnlyList<StaffRow> rows, IEnumerable<ImportReject> csvRejects, int parallelism,
        Action<int> progress, CancellationToken ct)
    {
        foreach (var reject in csvRejects) _rejects.Enqueue(reject);
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = ct }, async (row, token) =>
        {
            await Import(row, token);
            progress(1);
        });
        var rejects = _rejects.OrderBy(r => r.Line).ThenBy(r => r.Photo, StringComparer.Ordinal).ToArray();
        return new ImportSummary(rows.Count, _created, _existing, _enrolled, _skipped, rejects);
    }

    private async Task Import(StaffRow row, CancellationToken ct)
    {
        if (!await Try(row, null, null, async () =>
            {
                if (await Exists(row.Id, ct)) Interlocked.Increment(ref _existing);
                else
                {
                    await client.CreateStaff(row.Id, row.Name, ct);
                    Interlocked.Increment(ref _created);
                }
            }))
            return;
        foreach (var door in row.Doors) await Try(row, null, $"door {door}", () => client.GrantDoor(row.Id, door, ct: ct));
        foreach (var zone in row.Zones) await Try(row, null, $"zone {zone}", () => client.GrantZone(row.Id, zone, ct: ct));
        foreach (var photo in row.Photos) await Enroll(row, photo, ct);
    }

    private async Task Enroll(StaffRow row, string photo, CancellationToken ct)
    {
        if (journal.TryGet(row.Id, photo, out var earlier, out var earlierMessage))
        {
            Interlocked.Increment(ref _skipped);
            if (earlier is not null) _rejects.Enqueue(new ImportReject(row.Line, row.Id, photo, earlier, earlierMessage));
            return;
        }
        var path = Path.GetFullPath(Path.Combine(_photos, photo));
        if (!path.StartsWith(_photos + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            _rejects.Enqueue(new ImportReject(row.Line, row.Id, photo, "photo_outside_folder", $"{photo} is not inside {_photos}"));
            return;
        }
        if (!File.Exists(path))
        {
            _rejects.Enqueue(new ImportReject(row.Line, row.Id, photo, "photo_not_found", $"no file {path}"));
            return;
        }
        // Only what the server answered goes to the journal: a missing file or a dropped connection is retried next run.
        try
        {
            var result = await client.EnrollFace(row.Id, await File.ReadAllBytesAsync(path, ct), ContentType(path), ct);
            if (result.Accepted)
            {
                Interlocked.Increment(ref _enrolled);
                journal.Record(row.Id, photo, null, "");
                return;
            }
            var reason = JsonNamingPolicy.SnakeCaseLower.ConvertName(result.Rejection?.ToString() ?? "rejected");
            _rejects.Enqueue(new ImportReject(row.Line, row.Id, photo, reason, result.Message));
            journal.Record(row.Id, photo, reason, result.Message);
        }
        catch (AccessGridApiException e) when ((int)e.Status is >= 400 and < 500 && e.Status != HttpStatusCode.TooManyRequests)
        {
            var reason = e.Reason ?? $"http_{(int)e.Status}";
            var message = e.Detail ?? e.Title ?? e.Message;
            _rejects.Enqueue(new ImportReject(row.Line, row.Id, photo, reason, message));
            journal.Record(row.Id, photo, reason, message);
        }
        catch (Exception e) when (e is AccessGridApiException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            _rejects.Enqueue(new ImportReject(row.Line, row.Id, photo, "unreachable", e.Message));
        }
    }

    /// <summary>Runs one API call; a refusal becomes a reject. True when the call succeeded.</summary>
    private async Task<bool> Try(StaffRow row, string? photo, string? what, Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (AccessGridApiException e)
        {
            var reason = e.Reason ?? $"http_{(int)e.Status}";
            _rejects.Enqueue(new ImportReject(row.Line, row.Id, photo, reason, (what is null ? "" : what + ": ") + (e.Detail ?? e.Title ?? e.Message)));
            return false;
        }
        catch (HttpRequestException e)
        {
            _rejects.Enqueue(new ImportReject(row.Line, row.Id, photo, "unreachable", e.Message));
            return false;
        }
    }

    private async Task<bool> Exists(string id, CancellationToken ct)
    {
        try
        {
            await client.GetStaff(id, ct);
            return true;
        }
        catch (AccessGridApiException e) when (e.Status == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    private static string ContentType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jpg" or ".jpeg" => "image/jpeg",
        ".png" => "image/png",
        ".webp" => "image/webp",
        _ => "application/octet-stream", // the API answers unsupported_media_type: reported as that photo's reason
    };
}

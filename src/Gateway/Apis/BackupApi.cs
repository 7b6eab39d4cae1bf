using System.Diagnostics;
using System.Text.Json;
using AccessGrid.Gateway.Auth;
using AccessGrid.Gateway.Problems;
using AccessGrid.Grains;
using AccessGrid.Grains.Backup;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace AccessGrid.Gateway.Apis;

/// <summary>A site's backup as a stream of JSON lines (docs/api.md, "Backup and restore"), and its restore. Admin only.
/// The stream is plain text: the CLI encrypts it into the backup file and decrypts it back. The site backup grain and
/// the grains it calls own every rule; this class only moves lines.</summary>
public static class BackupApi
{
    public const string ContentType = "application/x-ndjson";
    /// <summary>People per grain call, both ways (about 1 KB each).</summary>
    public const int Page = 500;

    public static RouteGroupBuilder MapBackupApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/backup").WithTags("Backup").ProducesAuthProblems().RequireAuthorization(ApiRoles.AdminPolicy);
        api.MapGet("/", Export).Produces(StatusCodes.Status200OK, contentType: ContentType).ProducesProblems(StatusCodes.Status409Conflict)
            .WithSummary("Stream the site's backup: doors, key hashes, people with their stored templates and grants, model version, counts and checksum");
        api.MapPost("/restore", Restore).Produces(StatusCodes.Status200OK, contentType: ContentType)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Restore a backup stream: verified whole before the first write; answers progress lines, then the report");
        return api;
    }

    public static async Task Export(HttpContext http, IGrainFactory grains, CancellationToken ct)
    {
        var site = grains.GetGrain<ISiteBackupGrain>(0);
        var model = await site.BeginExport(); // before the first byte: a refusal is still a ProblemDetails answer
        http.Response.ContentType = ContentType;
        http.Response.Headers.ContentDisposition = "attachment; filename=\"accessgrid-backup.jsonl\"";
        using var writer = new BackupWriter(http.Response.Body);
        await writer.Write(new BackupHeader(BackupHeader.CurrentFormat, DateTimeOffset.UtcNow, model), ct);
        foreach (var door in await site.ExportDoors()) await writer.Write(new BackupDoor(door), ct);
        foreach (var key in await site.ExportKeys()) await writer.Write(new BackupKey(key), ct);
        for (var offset = 0; ; offset += Page)
        {
            var people = await site.ExportStaff(offset, Page);
            foreach (var person in people) await writer.Write(new BackupPerson(person), ct);
            if (people.Length < Page) break;
        }
        await writer.Finish(ct);
    }

    public static async Task<IResult> Restore(HttpContext http, IGrainFactory grains, bool? merge, CancellationToken ct)
    {
        if (http.Request.ContentType?.Split(';')[0].Trim() != ContentType)
            return ApiProblem.Create(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", $"A backup stream is sent as {ContentType}.");
        // A 100,000-person site is ~100 MB of lines; the whole stream is read and checked before anything is written.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
        var started = Stopwatch.GetTimestamp();
        List<DoorInfo> doors = [];
        List<ApiKeyRecord> keys = [];
        List<StaffRecord> people = [];
        BackupHeader header;
        BackupEnd end;
        try
        {
            (header, end) = await BackupReader.Read(http.Request.Body, line =>
            {
                switch (line)
                {
                    case BackupDoor d: doors.Add(d.Door); break;
                    case BackupKey k: keys.Add(k.Key); break;
                    case BackupPerson p: people.Add(p.Staff); break;
                }
            }, ct);
        }
        catch (InvalidBackupException e)
        {
            return ApiProblem.Invalid("invalid_backup", e.Message + " Nothing was restored.");
        }
        var site = grains.GetGrain<ISiteBackupGrain>(0);
        await site.CheckTarget(header.Model, merge ?? false); // model_mismatch, target_not_empty: still nothing written

        http.Response.ContentType = ContentType;
        try
        {
            await Progress(http, new RestoreProgress("doors", 0, doors.Count), ct);
            var doorOutcome = await site.RestoreDoors([.. doors]);
            await Progress(http, new RestoreProgress("keys", 0, keys.Count), ct);
            var keyOutcome = await site.RestoreKeys([.. keys]);
            var staffOutcome = RestoreOutcome.None;
            for (var i = 0; i < people.Count; i += Page)
            {
                await Progress(http, new RestoreProgress("staff", i, people.Count), ct);
                staffOutcome = staffOutcome.Add(await site.RestoreStaff([.. people.Skip(i).Take(Page)]));
            }
            await Progress(http, new RestoreProgress("index", 0, 1), ct);
            var report = new RestoreReport(doorOutcome, keyOutcome, staffOutcome, end.Templates, header.Model, end.Sha256,
                Stopwatch.GetElapsedTime(started).TotalSeconds);
            await site.FinishRestore($"Backup of {header.CreatedAt:u} (sha256 {end.Sha256[..12]}…) restored{(merge == true ? " (merge)" : "")}: " +
                                     $"{Count(doorOutcome)} doors, {Count(keyOutcome)} keys, {Count(staffOutcome)} people; index rebuilt.");
            await Progress(http, new RestoreProgress(RestoreProgress.DonePhase, people.Count, people.Count,
                report with { Seconds = Stopwatch.GetElapsedTime(started).TotalSeconds }), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The answer has started: the failure is its last line (what was written before it stays; see docs/api.md).
            await Progress(http, new RestoreProgress(RestoreProgress.FailedPhase, 0, 0, Error: e is AccessGridException ? e.Message : $"The restore failed: {e.Message}"), ct);
        }
        return Results.Empty;
    }

    private static string Count(RestoreOutcome o) => $"{o.Restored} restored/{o.Skipped} kept/{o.Rejected.Length} refused";

    private static async Task Progress(HttpContext http, RestoreProgress progress, CancellationToken ct)
    {
        byte[] line = [.. JsonSerializer.SerializeToUtf8Bytes(progress, BackupJson.Options), (byte)'\n'];
        await http.Response.Body.WriteAsync(line, ct);
        await http.Response.Body.FlushAsync(ct);
    }
}

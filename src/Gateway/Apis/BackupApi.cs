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
/// The stream is plain text: the CLI encrypts it into the backup file and decrypts it back. <see cref="SiteBackup"/>
/// and the grains it calls own every rule; this class only carries the stream and translates refusals.</summary>
public static class BackupApi
{
    public const string ContentType = "application/x-ndjson";

    public static RouteGroupBuilder MapBackupApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/backup").WithTags("Backup").ProducesAuthProblems().RequireAuthorization(ApiRoles.AdminPolicy);
        api.MapGet("/", Export).Produces(StatusCodes.Status200OK, contentType: ContentType).ProducesProblems(StatusCodes.Status409Conflict)
            .WithSummary("Stream the site's backup: doors, key hashes, people with their stored templates and grants, model version, counts and checksum");
        api.MapPost("/restore", Restore).Produces(StatusCodes.Status200OK, contentType: ContentType)
            .ProducesProblems(StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Restore a backup stream: proven whole before the first write; answers progress lines, then the report");
        return api;
    }

    public static async Task Export(HttpContext http, IGrainFactory grains, CancellationToken ct)
    {
        var write = await SiteBackup.Export(grains); // a refusal (models_not_installed) is still a ProblemDetails answer
        http.Response.ContentType = ContentType;
        http.Response.Headers.ContentDisposition = "attachment; filename=\"accessgrid-backup.jsonl\"";
        await write(http.Response.Body, ct);
    }

    public static async Task<IResult> Restore(HttpContext http, IGrainFactory grains, bool? merge, CancellationToken ct)
    {
        if (http.Request.ContentType?.Split(';')[0].Trim() != ContentType)
            return ApiProblem.Create(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type", $"A backup stream is sent as {ContentType}.");
        // A 100,000-person site is ~100 MB of lines, read whole and proven before anything is written.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = null;
        var answering = false;
        try
        {
            var report = await SiteBackup.Restore(grains, http.Request.Body, merge ?? false, async step =>
            {
                if (!answering) http.Response.ContentType = ContentType;
                answering = true;
                await Line(http, step, ct);
            }, ct);
            await Line(http, new RestoreProgress(RestoreProgress.DonePhase, report.Staff.Restored, report.Staff.Restored, report), ct);
        }
        catch (InvalidBackupException e) when (!answering)
        {
            return ApiProblem.Invalid("invalid_backup", $"{e.Message} Nothing was restored.");
        }
        catch (Exception e) when (answering && e is not OperationCanceledException)
        {
            // The answer has begun: the failure is its last line; what was written before it stays (docs/api.md).
            await Line(http, new RestoreProgress(RestoreProgress.FailedPhase, 0, 0, Error: e.Message), ct);
        }
        return Results.Empty;
    }

    private static async Task Line(HttpContext http, RestoreProgress progress, CancellationToken ct)
    {
        byte[] line = [.. JsonSerializer.SerializeToUtf8Bytes(progress, BackupJson.Options), (byte)'\n'];
        await http.Response.Body.WriteAsync(line, ct);
        await http.Response.Body.FlushAsync(ct);
    }
}

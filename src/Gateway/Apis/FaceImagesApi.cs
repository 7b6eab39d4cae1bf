using AccessGrid.Gateway.Auth;
using AccessGrid.Gateway.Contracts;
using AccessGrid.Gateway.Problems;
using AccessGrid.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AccessGrid.Gateway.Apis;

/// <summary>Faces people can see, with consent built in: a door opts in to decision snapshots (admin, HR); guards, HR
/// and admins see the snapshot of a denied decision; HR and admins see enrollment thumbnails. Pictures are answered
/// <c>Cache-Control: no-store, private</c>: no proxy or browser cache keeps a face after retention or erasure.</summary>
public static class FaceImagesApi
{
    public static IEndpointRouteBuilder MapFaceImagesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api").WithTags("Face images").AddEndpointFilter<RouteIdFilter>().ProducesAuthProblems();
        api.MapPut("/doors/{doorId}/snapshots", SetSnapshots)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status415UnsupportedMediaType).RequireAuthorization(ApiRoles.ManagePolicy)
            .WithSummary("Turn a door's decision snapshots on or off (off by default)")
            .WithDescription("Body {\"enabled\": true|false}. With snapshots on, each denied decision with a face keeps a small JPEG of it "
                + "for the configured retention (AccessGrid:FaceImages:SnapshotDays, default 7); erasure of the person a decision named deletes it.");
        api.MapGet("/events/{eventId}/snapshot", Snapshot)
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg").ProducesProblems(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiRoles.ReadPolicy)
            .WithSummary("The decision snapshot of a denied decision (image/jpeg)")
            .WithDescription("404 unknown_snapshot when the door kept none, or it expired or was erased.");
        api.MapGet("/staff/{staffId}/faces/{templateId:guid}/thumbnail", Thumbnail)
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg").ProducesProblems(StatusCodes.Status404NotFound)
            .RequireAuthorization(ApiRoles.ManagePolicy)
            .WithSummary("The enrollment thumbnail of one template (image/jpeg)")
            .WithDescription("404 unknown_thumbnail when there is none (templates enrolled before thumbnails existed, or removed).");
        return routes;
    }

    public static async Task<Results<Ok<DoorInfo>, ProblemHttpResult>> SetSnapshots(string doorId, SnapshotsRequest request, IGrainFactory grains) =>
        request.Enabled is { } enabled
            ? TypedResults.Ok(await grains.GetGrain<IDoorGrain>(doorId).SetSnapshots(enabled))
            : ApiProblem.Invalid("invalid_request", "enabled (true or false) is required.");

    public static async Task<IResult> Snapshot(string eventId, IGrainFactory grains, HttpContext http) =>
        await grains.GetGrain<IFaceImagesGrain>(0).GetSnapshot(eventId) is { } jpeg
            ? Private(jpeg, http)
            : ApiProblem.Create(StatusCodes.Status404NotFound, "unknown_snapshot", $"Decision '{eventId}' has no snapshot.");

    public static async Task<IResult> Thumbnail(string staffId, Guid templateId, IGrainFactory grains, HttpContext http) =>
        await grains.GetGrain<IFaceImagesGrain>(0).GetThumbnail(staffId, templateId) is { } jpeg
            ? Private(jpeg, http)
            : ApiProblem.Create(StatusCodes.Status404NotFound, "unknown_thumbnail", $"Template '{templateId}' of '{staffId}' has no thumbnail.");

    private static IResult Private(byte[] jpeg, HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-store, private";
        return TypedResults.File(jpeg, "image/jpeg");
    }
}

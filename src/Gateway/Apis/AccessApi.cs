using AccessGrid.Gateway.Auth;
using AccessGrid.Gateway.Contracts;
using AccessGrid.Gateway.Images;
using AccessGrid.Gateway.Problems;
using AccessGrid.Gateway.Throttling;
using AccessGrid.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AccessGrid.Gateway.Apis;

/// <summary>Door decisions: a reader posts a frame and gets granted or denied with the reason. A reader key works
/// only at its own door; admins may post to any door.</summary>
public static class AccessApi
{
    public static RouteGroupBuilder MapAccessApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/doors/{doorId}").WithTags("Access").AddEndpointFilter<RouteIdFilter>().ProducesAuthProblems().RequireAuthorization(ApiRoles.DoorPolicy).RequireDecisionRateLimits();
        api.MapPost("/access", Access)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Identify the person in the frame (1:K) and decide")
            .WithDescription(BodyDescription + " Denied reasons: no_face, low_quality, spoof_suspected, liveness_unproven, "
                + "unknown_face, suspended, no_grant, outside_schedule, expired, mode_not_allowed.");
        api.MapPost("/verify", Verify)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Check the frame against the claimed person (1:1) and decide")
            .WithDescription(BodyDescription + " Denied reasons as for access, plus not_enrolled and not_claimed_person. A missing or "
                + "invalid staffId is 400 invalid_staff_id; an unknown one 404 unknown_staff.");
        return api;
    }

    private const string BodyDescription = "Body: one image (image/jpeg, image/png or image/webp), or a burst as multipart/form-data "
        + "with 1-60 parts named frame (capture order, one size) and an optional field frameIntervalMs; at most 10 MB. "
        + "Bad bursts are 400 (no_frames, too_many_frames, unknown_part, not_an_image, empty_image, mixed_frame_sizes, "
        + "invalid_frame_interval, malformed_burst), 413 burst or image too large, 415 a part that is not an image type. "
        + "The decision's liveness says what the door's liveness policy (off, passive, active) found.";

    // The frames are analysed here, on the silo that received them; the door gets only the tracked face's encodings,
    // quality and liveness evidence. Unknown door or staff: the grain's exception names which (unknown_door / unknown_staff).
    public static async Task<Results<Ok<Decision>, ProblemHttpResult>> Access(string doorId, FrameBurst frames, IGrainFactory grains)
    {
        var burst = await grains.GetGrain<IFrameAnalyzerGrain>(0).AnalyzeBurst(frames.Frames);
        return Answer(await grains.GetGrain<IDoorGrain>(doorId).Access(burst));
    }

    public static async Task<Results<Ok<Decision>, ProblemHttpResult>> Verify(string doorId, string? staffId, FrameBurst frames, IGrainFactory grains)
    {
        var burst = await grains.GetGrain<IFrameAnalyzerGrain>(0).AnalyzeBurst(frames.Frames);
        return Answer(await grains.GetGrain<IDoorGrain>(doorId).Verify(burst, staffId ?? ""));
    }

    // A frame that would not decode is the client's fault: 422 with the event id of the audited denial.
    private static Results<Ok<Decision>, ProblemHttpResult> Answer(Decision decision) =>
        decision.Reason == DecisionReason.BadImage
            ? TypedResults.Problem(detail: "The image could not be decoded.", statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { [ApiProblem.ReasonKey] = "bad_image", ["eventId"] = decision.EventId })
            : TypedResults.Ok(decision);
}

using System.Security.Claims;
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
                + "unknown_face, suspended, no_grant, outside_schedule, not_yet_valid, expired, pass_used_up, mode_not_allowed.");
        api.MapPost("/verify", Verify)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Check the frame against the claimed person (1:1) and decide")
            .WithDescription(BodyDescription + " Denied reasons as for access, plus not_enrolled and not_claimed_person. A missing or "
                + "invalid staffId is 400 invalid_staff_id; an unknown one is denied not_claimed_person, like a face that is not the claimed person's.");
        return api;
    }

    private const string BodyDescription = "Body: one image (image/jpeg, image/png or image/webp), or a burst as multipart/form-data "
        + "with 1-60 parts named frame (capture order, one size) and an optional field frameIntervalMs; at most 10 MB. "
        + "Bad bursts are 400 (no_frames, too_many_frames, unknown_part, not_an_image, empty_image, mixed_frame_sizes, "
        + "invalid_frame_interval, malformed_burst), 413 burst or image too large, 415 a part that is not an image type. "
        + "The decision's liveness says what the door's liveness policy (off, passive, active) found.";

    // The frames are analysed here, on the silo that received them; the door gets only the tracked face's encodings,
    // quality and liveness evidence. Unknown door: the grain's exception says so (unknown_door); an unknown claimed
    // person is a denial, not an error.
    public static async Task<Results<Ok<Decision>, Ok<ReaderDecision>, ProblemHttpResult>> Access(
        string doorId, FrameBurst frames, IGrainFactory grains, ClaimsPrincipal user)
    {
        var door = grains.GetGrain<IDoorGrain>(doorId);
        return Answer(await door.Access(await Analyse(door, frames, grains)), user);
    }

    public static async Task<Results<Ok<Decision>, Ok<ReaderDecision>, ProblemHttpResult>> Verify(
        string doorId, string? staffId, FrameBurst frames, IGrainFactory grains, ClaimsPrincipal user)
    {
        var door = grains.GetGrain<IDoorGrain>(doorId);
        return Answer(await door.Verify(await Analyse(door, frames, grains), staffId ?? ""), user);
    }

    // A door whose liveness policy is off discards the evidence, so it is not measured for it (a second decode and the
    // liveness model per burst). The door still applies its policy: if it changed in between to passive or active,
    // evidence that was not measured denies liveness_unproven, never grants. Consent at the edge: the face is cropped
    // only for a door that keeps snapshots (the door still decides whether this decision's snapshot is kept: denials only).
    private static async Task<AnalysedBurst> Analyse(IDoorGrain door, FrameBurst frames, IGrainFactory grains)
    {
        var info = await door.GetInfo();
        return await grains.GetGrain<IFrameAnalyzerGrain>(0).AnalyzeBurst(frames.Frames,
            measureLiveness: info?.Liveness != LivenessPolicy.Off, faceJpeg: info?.Snapshots == true);
    }

    // A frame that would not decode is the client's fault: 422 with the event id of the audited denial.
    // Reader keys get the reader's view (no distance); admins the whole decision.
    private static Results<Ok<Decision>, Ok<ReaderDecision>, ProblemHttpResult> Answer(Decision decision, ClaimsPrincipal user) =>
        decision.Reason == DecisionReason.BadImage
            ? TypedResults.Problem(detail: "The image could not be decoded.", statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { [ApiProblem.ReasonKey] = "bad_image", ["eventId"] = decision.EventId })
            : user.IsInRole(ApiRoles.Reader) ? TypedResults.Ok(ReaderDecision.From(decision)) : TypedResults.Ok(decision);
}

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
            .WithDescription("Body: image/jpeg, image/png or image/webp, at most 10 MB. Denied reasons: no_face, low_quality, "
                + "unknown_face, suspended, no_grant, outside_schedule, expired, mode_not_allowed.");
        api.MapPost("/verify", Verify)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Check the frame against the claimed person (1:1) and decide")
            .WithDescription("Denied reasons as for access, plus not_enrolled and not_claimed_person. An unknown staffId is 404 unknown_staff.");
        return api;
    }

    public static async Task<Results<Ok<Decision>, ProblemHttpResult>> Access(string doorId, ImageUpload image, IGrainFactory grains)
    {
        if (!ImageSignature.IsSupported(image.Bytes)) return ImageSignature.NotAnImage();
        try
        {
            return Answer(await grains.GetGrain<IDoorGrain>(doorId).Access(image.Bytes));
        }
        catch (AccessGridException e) when (e.Error == AccessGridError.NotFound)
        {
            return ApiProblem.UnknownDoor(doorId);
        }
    }

    public static async Task<Results<Ok<Decision>, ProblemHttpResult>> Verify(string doorId, string? staffId, ImageUpload image, IGrainFactory grains)
    {
        if (!Identifiers.IsValid(staffId)) return ApiProblem.Invalid("invalid_staff_id", $"Name the claimed person: ?staffId= ({Identifiers.Rule})");
        if (!ImageSignature.IsSupported(image.Bytes)) return ImageSignature.NotAnImage();
        try
        {
            return Answer(await grains.GetGrain<IDoorGrain>(doorId).Verify(image.Bytes, staffId));
        }
        catch (AccessGridException e) when (e.Error == AccessGridError.NotFound)
        {
            // Either the door or the claimed person is unknown; only the error path pays for finding out which.
            return await grains.GetGrain<IDoorGrain>(doorId).GetInfo() is null ? ApiProblem.UnknownDoor(doorId) : ApiProblem.UnknownStaff(staffId);
        }
    }

    // A frame that would not decode is the client's fault: 422 with the event id of the audited denial.
    private static Results<Ok<Decision>, ProblemHttpResult> Answer(Decision decision) =>
        decision.Reason == DecisionReason.BadImage
            ? TypedResults.Problem(detail: "The image could not be decoded.", statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { [ApiProblem.ReasonKey] = "bad_image", ["eventId"] = decision.EventId })
            : TypedResults.Ok(decision);
}

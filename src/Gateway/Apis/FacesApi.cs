using AccessGrid.Gateway.Auth;
using AccessGrid.Gateway.Contracts;
using AccessGrid.Gateway.Json;
using AccessGrid.Gateway.Images;
using AccessGrid.Gateway.Problems;
using AccessGrid.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AccessGrid.Gateway.Apis;

/// <summary>Enrollment: a picture becomes a template (only the encoding is kept) if it passes the quality gates and
/// matches nobody else. Admin and HR.</summary>
public static class FacesApi
{
    public static RouteGroupBuilder MapFacesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/staff/{staffId}/faces").WithTags("Faces").AddEndpointFilter<RouteIdFilter>().ProducesAuthProblems().RequireAuthorization(ApiRoles.ManagePolicy);
        api.MapPost("/", EnrollFace)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status413PayloadTooLarge, StatusCodes.Status415UnsupportedMediaType, StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Enroll a picture (image/jpeg, image/png or image/webp, at most 10 MB)")
            .WithDescription("201 with the template; 422 with a reason when the picture is refused: no_face, several_faces, "
                + "too_small, too_blurry, bad_lighting, bad_pose, already_enrolled_as_other, too_many_templates, bad_image.");
        api.MapDelete("/", RemoveFaces).ProducesProblems(StatusCodes.Status404NotFound).WithSummary("Remove every template of the person and their thumbnails (grants stay)");
        api.MapDelete("/{templateId:guid}", RemoveFace).ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("Remove one template: its encoding, its index entry and its thumbnail")
            .WithDescription("404 unknown_staff for an unknown person, unknown_template when the person has no such template.");
        return api;
    }

    // Analysed on the receiving silo; the staff grain gets the faces and a small JPEG of the primary face for HR's
    // thumbnail, never the picture itself (unknown person: unknown_staff).
    public static async Task<Results<Created<EnrollmentResult>, ProblemHttpResult>> EnrollFace(string staffId, ImageUpload image, IGrainFactory grains)
    {
        var frame = await grains.GetGrain<IFrameAnalyzerGrain>(0).Analyze(image.Bytes, faceJpeg: true);
        var result = await grains.GetGrain<IStaffGrain>(staffId).Enroll(frame);
        if (result.Accepted) return TypedResults.Created($"/api/staff/{staffId}", result);

        var reason = JsonName.Of(result.Rejection ?? EnrollmentRejection.BadImage);
        return TypedResults.Problem(detail: result.Message, statusCode: StatusCodes.Status422UnprocessableEntity,
            extensions: new Dictionary<string, object?>
            {
                [ApiProblem.ReasonKey] = reason,
                ["templateCount"] = result.TemplateCount,
                ["conflictingStaffId"] = result.ConflictingStaffId,
            });
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RemoveFace(string staffId, Guid templateId, IGrainFactory grains) =>
        await grains.GetGrain<IStaffGrain>(staffId).RemoveFace(templateId)
            ? TypedResults.NoContent()
            : ApiProblem.Create(StatusCodes.Status404NotFound, "unknown_template", $"'{staffId}' has no template '{templateId}'.");

    public static async Task<NoContent> RemoveFaces(string staffId, IGrainFactory grains)
    {
        await grains.GetGrain<IStaffGrain>(staffId).RemoveFaces();
        return TypedResults.NoContent();
    }
}

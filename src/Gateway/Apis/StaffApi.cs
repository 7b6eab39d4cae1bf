using AccessGrid.Gateway.Auth;
using AccessGrid.Gateway.Contracts;
using AccessGrid.Gateway.Images;
using AccessGrid.Gateway.Problems;
using AccessGrid.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AccessGrid.Gateway.Apis;

/// <summary>Staff: people, their enrolled faces and their grants. Admin and HR change them; guards may look.</summary>
public static class StaffApi
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    public static RouteGroupBuilder MapStaffApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/staff").WithTags("Staff").AddEndpointFilter<RouteIdFilter>().ProducesAuthProblems();
        api.MapPost("/", CreateStaff).ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType).RequireAuthorization(ApiRoles.ManagePolicy).WithSummary("Create a person");
        api.MapGet("/", ListStaff).RequireAuthorization(ApiRoles.ReadPolicy).WithSummary("List people, ordered by id, a page at a time");
        api.MapGet("/{staffId}", GetStaff).ProducesProblems(StatusCodes.Status404NotFound).RequireAuthorization(ApiRoles.ReadPolicy).WithSummary("One person: status, templates (no encodings), grants");
        api.MapPatch("/{staffId}", UpdateStaff).ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status415UnsupportedMediaType).RequireAuthorization(ApiRoles.ManagePolicy).WithSummary("Rename, suspend or reactivate a person");
        api.MapDelete("/{staffId}", EraseStaff).ProducesProblems(StatusCodes.Status404NotFound).RequireAuthorization(ApiRoles.ManagePolicy)
            .WithSummary("Erase a person everywhere: state, index shards, snapshots. The audit keeps only the id");
        return api;
    }

    // The staff grain validates id and name and refuses a taken id (staff_exists); the gateway only translates.
    public static async Task<Created<StaffProfile>> CreateStaff(CreateStaffRequest request, IGrainFactory grains)
    {
        var profile = await grains.GetGrain<IStaffGrain>(Ids.Require(request.Id, "id")).Create(request.Name ?? "");
        return TypedResults.Created($"/api/staff/{profile.Id}", profile);
    }

    public static async Task<Results<Ok<StaffProfile[]>, ProblemHttpResult>> ListStaff(IGrainFactory grains, int? offset, int? limit)
    {
        var (skip, take) = (offset ?? 0, limit ?? DefaultPageSize);
        if (skip < 0 || take is < 1 or > MaxPageSize)
            return ApiProblem.Invalid("invalid_query", $"offset must be ≥ 0 and limit within 1..{MaxPageSize}.");
        var ids = await grains.GetGrain<IDirectoryGrain>(0).ListStaffIds();
        var profiles = await Task.WhenAll(ids.Skip(skip).Take(take).Select(id => grains.GetGrain<IStaffGrain>(id).GetProfile().AsTask()));
        return TypedResults.Ok(profiles.OfType<StaffProfile>().ToArray());
    }

    public static async Task<Results<Ok<StaffProfile>, ProblemHttpResult>> GetStaff(string staffId, IGrainFactory grains) =>
        await grains.GetGrain<IStaffGrain>(staffId).GetProfile() is { } profile ? TypedResults.Ok(profile) : ApiProblem.UnknownStaff(staffId);

    public static async Task<Results<Ok<StaffProfile>, ProblemHttpResult>> UpdateStaff(string staffId, UpdateStaffRequest request, IGrainFactory grains)
    {
        var staff = grains.GetGrain<IStaffGrain>(staffId);
        if (await staff.GetProfile() is not { } profile) return ApiProblem.UnknownStaff(staffId);
        if (request.Name is not null) profile = await staff.Rename(request.Name);
        if (request.Status is { } status) profile = await staff.SetStatus(status);
        return TypedResults.Ok(profile);
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> EraseStaff(string staffId, IGrainFactory grains) =>
        await grains.GetGrain<IStaffGrain>(staffId).Erase() ? TypedResults.NoContent() : ApiProblem.UnknownStaff(staffId);
}

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
    public static RouteGroupBuilder MapStaffApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/staff").WithTags("Staff").AddEndpointFilter<RouteIdFilter>().ProducesAuthProblems();
        api.MapPost("/", CreateStaff).ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType).RequireAuthorization(ApiRoles.ManagePolicy).WithSummary("Create a person");
        api.MapGet("/", ListStaff).RequireAuthorization(ApiRoles.ReadPolicy).WithSummary("Search and list people, ordered by id, a page at a time")
            .WithDescription("q: every word starts a word of the name, or q starts the id (case and accents ignored). limit 1..1000 (default 100); "
                + "cursor: the previous page's next; offset 0..10000. Answers the page, the total of matches and the next cursor.");
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

    // The staff directory owns the paging and search rules (invalid_query); the gateway adds each person's profile.
    public static async Task<Ok<StaffPage>> ListStaff(IGrainFactory grains, string? q, int? limit, string? cursor, int? offset)
    {
        var query = new StaffQuery(q, limit ?? StaffQuery.DefaultLimit, string.IsNullOrEmpty(cursor) ? null : cursor, offset ?? 0);
        var page = await grains.GetGrain<IStaffDirectoryGrain>(0).Find(query);
        var profiles = await Task.WhenAll(page.Ids.Select(id => grains.GetGrain<IStaffGrain>(id).GetProfile().AsTask()));
        return TypedResults.Ok(new StaffPage([.. profiles.OfType<StaffProfile>()], page.Total, page.Next));
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

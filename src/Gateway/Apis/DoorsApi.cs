using AccessGrid.Gateway.Auth;
using AccessGrid.Gateway.Contracts;
using AccessGrid.Gateway.Problems;
using AccessGrid.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AccessGrid.Gateway.Apis;

/// <summary>Doors: name, zone and recognition mode. Admin and HR change them; guards may look.</summary>
public static class DoorsApi
{
    public static RouteGroupBuilder MapDoorsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/doors").WithTags("Doors").AddEndpointFilter<RouteIdFilter>().ProducesAuthProblems();
        api.MapPost("/", CreateDoor).ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType).RequireAuthorization(ApiRoles.ManagePolicy).WithSummary("Create a door");
        api.MapGet("/", ListDoors).RequireAuthorization(ApiRoles.ReadPolicy).WithSummary("List every door");
        api.MapGet("/{doorId}", GetDoor).ProducesProblems(StatusCodes.Status404NotFound).RequireAuthorization(ApiRoles.ReadPolicy).WithSummary("One door");
        api.MapPut("/{doorId}", UpdateDoor).ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status415UnsupportedMediaType).RequireAuthorization(ApiRoles.ManagePolicy).WithSummary("Change a door's name, zone or mode");
        api.MapDelete("/{doorId}", DeleteDoor).ProducesProblems(StatusCodes.Status404NotFound).RequireAuthorization(ApiRoles.ManagePolicy).WithSummary("Remove a door");
        return api;
    }

    public static async Task<Results<Created<DoorInfo>, ProblemHttpResult>> CreateDoor(CreateDoorRequest request, IGrainFactory grains)
    {
        if (!Identifiers.IsValid(request.Id)) return ApiProblem.Invalid("invalid_id", $"id: {Identifiers.Rule}");
        if (Invalid(request.Name, request.Zone) is { } problem) return problem;

        var door = grains.GetGrain<IDoorGrain>(request.Id);
        if (await door.GetInfo() is not null) return ApiProblem.Conflict("door_exists", $"Door '{request.Id}' already exists.");
        var info = await door.Configure(request.Name!.Trim(), request.Zone!.Trim(), request.Mode ?? DoorMode.Both);
        return TypedResults.Created($"/api/doors/{info.Id}", info);
    }

    public static async Task<Ok<DoorInfo[]>> ListDoors(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IDirectoryGrain>(0).ListDoors());

    public static async Task<Results<Ok<DoorInfo>, ProblemHttpResult>> GetDoor(string doorId, IGrainFactory grains) =>
        await grains.GetGrain<IDoorGrain>(doorId).GetInfo() is { } info ? TypedResults.Ok(info) : ApiProblem.UnknownDoor(doorId);

    public static async Task<Results<Ok<DoorInfo>, ProblemHttpResult>> UpdateDoor(string doorId, UpdateDoorRequest request, IGrainFactory grains)
    {
        if (Invalid(request.Name, request.Zone) is { } problem) return problem;
        var door = grains.GetGrain<IDoorGrain>(doorId);
        if (await door.GetInfo() is not { } current) return ApiProblem.UnknownDoor(doorId);
        return TypedResults.Ok(await door.Configure(request.Name!.Trim(), request.Zone!.Trim(), request.Mode ?? current.Mode));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteDoor(string doorId, IGrainFactory grains) =>
        await grains.GetGrain<IDoorGrain>(doorId).Remove() ? TypedResults.NoContent() : ApiProblem.UnknownDoor(doorId);

    private static ProblemHttpResult? Invalid(string? name, string? zone)
    {
        if (!Identifiers.IsValidName(name)) return ApiProblem.Invalid("invalid_name", $"name is required (at most {Identifiers.MaxNameLength} characters).");
        if (!Identifiers.IsValid(zone)) return ApiProblem.Invalid("invalid_zone", $"zone: {Identifiers.Rule}");
        return null;
    }
}

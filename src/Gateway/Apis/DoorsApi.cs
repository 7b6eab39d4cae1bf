using AccessGrid.Gateway.Auth;
using AccessGrid.Gateway.Contracts;
using AccessGrid.Gateway.Problems;
using AccessGrid.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AccessGrid.Gateway.Apis;

/// <summary>Doors: name, zone, recognition mode and liveness policy. Admin and HR change them; guards may look.</summary>
public static class DoorsApi
{
    public static RouteGroupBuilder MapDoorsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/doors").WithTags("Doors").AddEndpointFilter<RouteIdFilter>().ProducesAuthProblems();
        api.MapPost("/", CreateDoor).ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType).RequireAuthorization(ApiRoles.ManagePolicy).WithSummary("Create a door");
        api.MapGet("/", ListDoors).RequireAuthorization(ApiRoles.ReadPolicy).WithSummary("List every door");
        api.MapGet("/{doorId}", GetDoor).ProducesProblems(StatusCodes.Status404NotFound).RequireAuthorization(ApiRoles.ReadPolicy).WithSummary("One door");
        api.MapPut("/{doorId}", UpdateDoor).ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status415UnsupportedMediaType).RequireAuthorization(ApiRoles.ManagePolicy).WithSummary("Change a door's name, zone, mode or liveness policy");
        api.MapDelete("/{doorId}", DeleteDoor).ProducesProblems(StatusCodes.Status404NotFound).RequireAuthorization(ApiRoles.ManagePolicy).WithSummary("Remove a door");
        return api;
    }

    // The door grain validates id, name, zone, mode and liveness; its exceptions become 400/409 with their reasons.
    public static async Task<Created<DoorInfo>> CreateDoor(CreateDoorRequest request, IGrainFactory grains)
    {
        var info = await grains.GetGrain<IDoorGrain>(Ids.Require(request.Id, "id")).Create(request.Name ?? "", request.Zone ?? "", request.Mode ?? DoorMode.Both, request.Liveness);
        return TypedResults.Created($"/api/doors/{info.Id}", info);
    }

    public static async Task<Ok<DoorInfo[]>> ListDoors(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IDirectoryGrain>(0).ListDoors());

    public static async Task<Results<Ok<DoorInfo>, ProblemHttpResult>> GetDoor(string doorId, IGrainFactory grains) =>
        await grains.GetGrain<IDoorGrain>(doorId).GetInfo() is { } info ? TypedResults.Ok(info) : ApiProblem.UnknownDoor(doorId);

    public static async Task<Ok<DoorInfo>> UpdateDoor(string doorId, UpdateDoorRequest request, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IDoorGrain>(doorId).Update(request.Name ?? "", request.Zone ?? "", request.Mode, request.Liveness));

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteDoor(string doorId, IGrainFactory grains) =>
        await grains.GetGrain<IDoorGrain>(doorId).Remove() ? TypedResults.NoContent() : ApiProblem.UnknownDoor(doorId);
}

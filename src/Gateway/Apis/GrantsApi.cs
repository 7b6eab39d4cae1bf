using AccessGrid.Gateway.Auth;
using AccessGrid.Gateway.Contracts;
using AccessGrid.Gateway.Problems;
using AccessGrid.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AccessGrid.Gateway.Apis;

/// <summary>Grants for one door or a whole zone, each with an optional weekly schedule, validity window and use limit.
/// Changes reach the very next decision. Admin and HR.</summary>
public static class GrantsApi
{
    public static RouteGroupBuilder MapGrantsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/staff/{staffId}").WithTags("Grants").AddEndpointFilter<RouteIdFilter>().ProducesAuthProblems().RequireAuthorization(ApiRoles.ManagePolicy);
        api.MapPut("/grants/{doorId}", GrantDoor).ProducesProblems(StatusCodes.Status404NotFound).WithSummary("Grant a door (optional body: schedule, validFrom, validUntil, maxUses)");
        api.MapDelete("/grants/{doorId}", RevokeDoor).ProducesProblems(StatusCodes.Status404NotFound).WithSummary("Revoke a door grant");
        api.MapPut("/zones/{zone}", GrantZone).ProducesProblems(StatusCodes.Status404NotFound).WithSummary("Grant every door of a zone (optional body as for a door)");
        api.MapDelete("/zones/{zone}", RevokeZone).ProducesProblems(StatusCodes.Status404NotFound).WithSummary("Revoke a zone grant");
        return api;
    }

    // The staff grain checks the person, the door and the terms (unknown_staff, unknown_door, invalid_grant).
    public static Task<NoContent> GrantDoor(string staffId, string doorId, GrantTerms? terms, IGrainFactory grains) =>
        Grant(staffId, GrantScope.Door, doorId, terms, grains);

    public static Task<NoContent> GrantZone(string staffId, string zone, GrantTerms? terms, IGrainFactory grains) =>
        Grant(staffId, GrantScope.Zone, zone, terms, grains);

    public static Task<NoContent> RevokeDoor(string staffId, string doorId, IGrainFactory grains) =>
        Revoke(staffId, GrantScope.Door, doorId, grains);

    public static Task<NoContent> RevokeZone(string staffId, string zone, IGrainFactory grains) =>
        Revoke(staffId, GrantScope.Zone, zone, grains);

    private static async Task<NoContent> Grant(string staffId, GrantScope scope, string target, GrantTerms? terms, IGrainFactory grains)
    {
        await grains.GetGrain<IStaffGrain>(staffId).SetGrant(scope, target, terms ?? GrantTerms.Always);
        return TypedResults.NoContent();
    }

    // Revoking what is not there is still "not granted": idempotent 204. Only an unknown person is an error.
    private static async Task<NoContent> Revoke(string staffId, GrantScope scope, string target, IGrainFactory grains)
    {
        await grains.GetGrain<IStaffGrain>(staffId).RevokeGrant(scope, target);
        return TypedResults.NoContent();
    }
}

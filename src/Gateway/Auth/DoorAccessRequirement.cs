using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace AccessGrid.Gateway.Auth;

/// <summary>The caller may post frames to the door named by the route's <c>doorId</c>: admins to any door, a reader
/// key only to the door it was issued for.</summary>
public sealed class DoorAccessRequirement : IAuthorizationRequirement;

public sealed class DoorAccessHandler : AuthorizationHandler<DoorAccessRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, DoorAccessRequirement requirement)
    {
        var user = context.User;
        if (user.IsInRole(ApiRoles.Admin))
        {
            context.Succeed(requirement);
        }
        else if (user.IsInRole(ApiRoles.Reader) && context.Resource is HttpContext http)
        {
            var door = http.GetRouteValue("doorId") as string;
            var bound = user.FindFirst(ApiKeyAuthenticationHandler.DoorClaim)?.Value;
            if (door is not null && string.Equals(door, bound, StringComparison.Ordinal)) context.Succeed(requirement);
            else context.Fail(new AuthorizationFailureReason(this, $"This reader key is bound to door '{bound}'."));
        }
        return Task.CompletedTask;
    }
}

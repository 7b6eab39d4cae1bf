using AccessGrid.Grains;
using Microsoft.AspNetCore.Builder;

namespace AccessGrid.Gateway.Auth;

/// <summary>Puts the authenticated key into Orleans' request context, so every grain call this request makes (and the
/// audit entries they write) knows who asked, without an actor parameter on any grain method. Runs after
/// authentication, in the request's own async flow: a value set inside the authentication handler would not flow back.</summary>
public static class AuditActorMiddleware
{
    public static IApplicationBuilder UseAuditActor(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.FindFirst(ApiKeyAuthenticationHandler.KeyIdClaim)?.Value is { } keyId)
            AuditActors.Set(keyId, context.User.FindFirst(ApiKeyAuthenticationHandler.KeyLabelClaim)?.Value ?? "");
        await next(context);
    });
}

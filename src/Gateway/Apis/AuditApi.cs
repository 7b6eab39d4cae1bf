using AccessGrid.Gateway.Auth;
using AccessGrid.Gateway.Problems;
using AccessGrid.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AccessGrid.Gateway.Apis;

/// <summary>The audit log's integrity: walks the tamper-evident chains and reports the first broken link. Admin only.</summary>
public static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/audit").WithTags("Audit").ProducesAuthProblems().RequireAuthorization(ApiRoles.AdminPolicy);
        api.MapGet("/verify", VerifyAudit)
            .WithSummary("Check every audit chain; report entries checked and the first broken link")
            .WithDescription("200 either way: intact is false and firstBreak says which row and what is wrong when a row was edited, deleted or reordered.");
        return api;
    }

    public static async Task<Ok<AuditVerification>> VerifyAudit(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IAuditLogGrain>(0).Verify());
}

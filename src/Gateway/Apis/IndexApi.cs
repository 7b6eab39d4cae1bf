using AccessGrid.Gateway.Auth;
using AccessGrid.Gateway.Problems;
using AccessGrid.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AccessGrid.Gateway.Apis;

/// <summary>Operations on the face index: shard sizes and memory, and a rebuild from staff state. Admin only.</summary>
public static class IndexApi
{
    public static RouteGroupBuilder MapIndexApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/index").WithTags("Index").ProducesAuthProblems().RequireAuthorization(ApiRoles.AdminPolicy);
        api.MapGet("/", Stats).WithSummary("Per-shard identities, templates, generations and memory");
        api.MapPost("/rebuild", Rebuild).WithSummary("Rebuild every shard from staff state and snapshot it");
        return api;
    }

    // The index grain knows the configured shard count (AccessGrid:IndexShards), so every shard is covered.
    public static async Task<Ok<IndexShardStats[]>> Stats(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IFaceIndexGrain>(0).GetStats());

    public static async Task<Ok<IndexShardStats[]>> Rebuild(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IFaceIndexGrain>(0).Rebuild());
}

using AccessGrid.Gateway.Auth;
using AccessGrid.Gateway.Contracts;
using AccessGrid.Gateway.Problems;
using AccessGrid.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AccessGrid.Gateway.Apis;

/// <summary>API keys: create (the secret is shown once), list, revoke. Admin only.</summary>
public static class KeysApi
{
    public static RouteGroupBuilder MapKeysApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/keys").WithTags("Keys").ProducesAuthProblems().RequireAuthorization(ApiRoles.AdminPolicy);
        api.MapPost("/", CreateKey).ProducesProblems(StatusCodes.Status404NotFound).WithSummary("Create an API key; a reader key is bound to one door");
        api.MapGet("/", ListKeys).WithSummary("List keys: id, role, door, label, owner, creator and last use (never the secrets)");
        api.MapDelete("/{keyId}", RevokeKey).ProducesProblems(StatusCodes.Status404NotFound).WithSummary("Revoke a key by its public id");
        return api;
    }

    public static async Task<Results<Created<CreatedKeyResponse>, ProblemHttpResult>> CreateKey(CreateKeyRequest request, IGrainFactory grains)
    {
        // The registry checks the role and the reader's door (invalid_role, invalid_id, unknown_door, invalid_request).
        if (request.Role is not { } role) return ApiProblem.Invalid("invalid_request", "role is required: admin, hr, guard or reader.");
        var created = await grains.GetGrain<IApiKeyRegistryGrain>(0).Create(role, request.DoorId, request.Label, request.Owner);
        var info = created.Info;
        return TypedResults.Created($"/api/keys/{info.KeyId}",
            new CreatedKeyResponse(created.Key, info.KeyId, info.Role, info.DoorId, info.Label, info.Owner, info.CreatedBy));
    }

    public static async Task<Ok<ApiKeyInfo[]>> ListKeys(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IApiKeyRegistryGrain>(0).List());

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeKey(string keyId, IGrainFactory grains) =>
        await grains.GetGrain<IApiKeyRegistryGrain>(0).Revoke(keyId)
            ? TypedResults.NoContent()
            : ApiProblem.Create(StatusCodes.Status404NotFound, "unknown_key", $"No key has the id '{keyId}'.");
}

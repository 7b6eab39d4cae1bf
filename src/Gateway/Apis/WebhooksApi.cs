using AccessGrid.Gateway.Auth;
using AccessGrid.Gateway.Contracts;
using AccessGrid.Gateway.Problems;
using AccessGrid.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AccessGrid.Gateway.Apis;

/// <summary>Webhooks: register (the secret is shown once), list, delete, ping, read the delivery log. Admin only.</summary>
public static class WebhooksApi
{
    public static RouteGroupBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/webhooks").WithTags("Webhooks").ProducesAuthProblems().RequireAuthorization(ApiRoles.AdminPolicy);
        api.MapPost("/", CreateWebhook).ProducesProblems(StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Register a webhook for decision, alarm and/or change events; the signing secret is shown once");
        api.MapGet("/", ListWebhooks).WithSummary("List webhooks (never their secrets)");
        api.MapDelete("/{webhookId}", DeleteWebhook).ProducesProblems(StatusCodes.Status404NotFound).WithSummary("Delete a webhook and its log");
        api.MapPost("/{webhookId}/ping", Ping).ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("Send one signed ping now and answer how it went (status, latency, error)");
        api.MapGet("/{webhookId}/deliveries", Deliveries).ProducesProblems(StatusCodes.Status404NotFound)
            .WithSummary("The webhook's last delivery attempts, newest first: time, outcome, status code, latency, error");
        return api;
    }

    public static async Task<Results<Created<CreatedWebhookResponse>, ProblemHttpResult>> CreateWebhook(CreateWebhookRequest request, IGrainFactory grains)
    {
        // The registry checks the URL, the destination rule, the events and the label.
        var created = await grains.GetGrain<IWebhookRegistryGrain>(0).Create(request.Url ?? "", request.Events ?? [], request.Label);
        var info = created.Info;
        return TypedResults.Created($"/api/webhooks/{info.Id}",
            new CreatedWebhookResponse(created.Secret, info.Id, info.Url, info.Events, info.Label, info.CreatedAt, info.CreatedBy));
    }

    public static async Task<Ok<WebhookInfo[]>> ListWebhooks(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IWebhookRegistryGrain>(0).List());

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteWebhook(string webhookId, IGrainFactory grains) =>
        await grains.GetGrain<IWebhookRegistryGrain>(0).Delete(webhookId)
            ? TypedResults.NoContent()
            : ApiProblem.Create(StatusCodes.Status404NotFound, "unknown_webhook", $"No webhook has the id '{webhookId}'.");

    public static async Task<Ok<WebhookAttempt>> Ping(string webhookId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IWebhookRegistryGrain>(0).Ping(webhookId));

    public static async Task<Ok<WebhookAttempt[]>> Deliveries(string webhookId, int? limit, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IWebhookRegistryGrain>(0).Deliveries(webhookId, limit ?? 50));
}

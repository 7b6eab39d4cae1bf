using AccessGrid.Gateway.Auth;
using AccessGrid.Gateway.Problems;
using AccessGrid.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AccessGrid.Gateway.Apis;

/// <summary>The audit log: every decision and every change, newest first, filtered by door, person and time range.</summary>
public static class EventsApi
{
    public static RouteGroupBuilder MapEventsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/events").WithTags("Events").ProducesAuthProblems().RequireAuthorization(ApiRoles.ReadPolicy);
        api.MapGet("/", QueryEvents)
            .WithSummary("Decisions and changes, newest first")
            .WithDescription("from is inclusive, to exclusive (ISO 8601); limit 1..1000, default 100; kind = decision | change; "
                + "staffId = one exact id, or person = a search (name words or id prefix, case and accents ignored) matching at most 20 people.");
        return api;
    }

    public static async Task<Results<Ok<AuditEntry[]>, ProblemHttpResult>> QueryEvents(
        IGrainFactory grains, string? doorId, string? staffId, DateTimeOffset? from, DateTimeOffset? to, int? limit, string? kind, string? person)
    {
        // The audit log grain owns the query rules (limit, from before to); the gateway only parses the kind.
        if (!TryParseKind(kind, out var only)) return ApiProblem.Invalid("invalid_query", "kind must be decision or change.");
        var entries = await grains.GetGrain<IAuditLogGrain>(0).Query(new AuditQuery(doorId, staffId, from, to, limit ?? 100, only, string.IsNullOrWhiteSpace(person) ? null : person));
        return TypedResults.Ok(entries);
    }

    private static bool TryParseKind(string? text, out AuditKind? kind)
    {
        kind = text switch { "decision" => AuditKind.Decision, "change" => AuditKind.Change, _ => null };
        return kind is not null || string.IsNullOrEmpty(text);
    }
}

using AccessGrid.Gateway.Auth;
using AccessGrid.Gateway.Contracts;
using AccessGrid.Gateway.Problems;
using AccessGrid.Grains;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AccessGrid.Gateway.Apis;

/// <summary>Alarms: guards, HR and admins list and acknowledge them; admin and HR set each door's thresholds.</summary>
public static class AlarmsApi
{
    public static RouteGroupBuilder MapAlarmsApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/alarms").WithTags("Alarms").ProducesAuthProblems();
        api.MapGet("/", ListAlarms).RequireAuthorization(ApiRoles.ReadPolicy)
            .WithSummary("Alarms newest first: the open ones (open=true) or the history");
        api.MapPost("/{alarmId}/acknowledge", Acknowledge).RequireAuthorization(ApiRoles.ReadPolicy)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Acknowledge an open alarm with a note (audited with the acting key)");
        var thresholds = api.MapGroup("/thresholds").AddEndpointFilter<RouteIdFilter>();
        thresholds.MapGet("/{doorId}", GetThresholds).RequireAuthorization(ApiRoles.ReadPolicy)
            .WithSummary("A door's alarm thresholds");
        thresholds.MapPut("/{doorId}", SetThresholds).RequireAuthorization(ApiRoles.ManagePolicy)
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status415UnsupportedMediaType)
            .WithSummary("Set a door's alarm thresholds (unknown faces, denials, window)");
        return api;
    }

    public static async Task<Ok<Alarm[]>> ListAlarms(IGrainFactory grains, bool? open, int? limit) =>
        TypedResults.Ok(await grains.GetGrain<IAlarmGrain>(0).List(open ?? false, limit ?? 100));

    public static async Task<Ok<Alarm>> Acknowledge(string alarmId, AcknowledgeAlarmRequest request, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IAlarmGrain>(0).Acknowledge(alarmId, request.Note ?? ""));

    public static async Task<Ok<AlarmThresholds>> GetThresholds(string doorId, IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IAlarmGrain>(0).GetThresholds(doorId));

    public static async Task<Ok<AlarmThresholds>> SetThresholds(string doorId, AlarmThresholdsRequest request, IGrainFactory grains)
    {
        var defaults = AlarmThresholds.Default;
        var thresholds = new AlarmThresholds(request.UnknownFaces ?? defaults.UnknownFaces, request.Denials ?? defaults.Denials,
            request.WindowSeconds ?? defaults.WindowSeconds);
        return TypedResults.Ok(await grains.GetGrain<IAlarmGrain>(0).SetThresholds(doorId, thresholds));
    }
}

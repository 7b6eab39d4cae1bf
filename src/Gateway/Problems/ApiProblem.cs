using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccessGrid.Gateway.Problems;

/// <summary>ProblemDetails results that always carry a machine-readable <c>reason</c> beside the human-readable detail.</summary>
public static class ApiProblem
{
    public const string ReasonKey = "reason";

    public static ProblemHttpResult Create(int status, string reason, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status,
            extensions: new Dictionary<string, object?> { [ReasonKey] = reason });

    public static ProblemHttpResult Invalid(string reason, string detail) =>
        Create(StatusCodes.Status400BadRequest, reason, detail);

    public static ProblemHttpResult UnknownDoor(string doorId) =>
        Create(StatusCodes.Status404NotFound, "unknown_door", $"Door '{doorId}' does not exist.");

    public static ProblemHttpResult UnknownStaff(string staffId) =>
        Create(StatusCodes.Status404NotFound, "unknown_staff", $"Staff '{staffId}' does not exist.");

    public static ProblemHttpResult Conflict(string reason, string detail) =>
        Create(StatusCodes.Status409Conflict, reason, detail);
}

namespace AccessGrid.Gateway.Problems;

/// <summary>A client mistake found while binding a request (before the handler runs, where no result can be
/// returned); <see cref="ProblemExceptionHandler"/> turns it into ProblemDetails.</summary>
public sealed class ApiProblemException(int status, string reason, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Reason { get; } = reason;
}

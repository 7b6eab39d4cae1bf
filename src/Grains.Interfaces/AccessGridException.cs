namespace AccessGrid.Grains;

/// <summary>A typed failure thrown by grains for bad requests: unknown door or staff, duplicate id, invalid argument.
/// <see cref="Reason"/> is machine-readable (e.g. <c>unknown_door</c>, <c>invalid_id</c>) and becomes the ProblemDetails
/// reason as it is; <see cref="Kind"/> picks the status code. Everything else is a bug.</summary>
[GenerateSerializer, Alias("AccessGrid.AccessGridException")]
public sealed class AccessGridException : Exception
{
    public AccessGridException(AccessGridError kind, string reason, string message) : base(message)
    {
        Kind = kind;
        Reason = reason;
    }

    /// <summary>A failure with the kind's generic reason (not_found, conflict, invalid_request).</summary>
    public AccessGridException(AccessGridError kind, string message) : this(kind, GenericReason(kind), message)
    {
    }

    [Id(0)]
    public AccessGridError Kind { get; private set; }

    [Id(1)]
    public string Reason { get; private set; }

    public static AccessGridException UnknownStaff(string staffId) => new(AccessGridError.NotFound, "unknown_staff", $"Staff '{staffId}' does not exist.");

    public static AccessGridException UnknownDoor(string doorId) => new(AccessGridError.NotFound, "unknown_door", $"Door '{doorId}' does not exist.");

    public static AccessGridException Invalid(string reason, string message) => new(AccessGridError.Invalid, reason, message);

    public static AccessGridException Conflict(string reason, string message) => new(AccessGridError.Conflict, reason, message);

    private static string GenericReason(AccessGridError kind) => kind switch
    {
        AccessGridError.NotFound => "not_found",
        AccessGridError.Conflict => "conflict",
        _ => "invalid_request",
    };
}

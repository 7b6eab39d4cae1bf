namespace AccessGrid.Grains;

/// <summary>What went wrong, so the gateway can pick the status code (404, 409, 400).</summary>
public enum AccessGridError
{
    NotFound,
    Conflict,
    Invalid,
}

/// <summary>A typed failure thrown by grains for bad requests: unknown door or staff, duplicate id, invalid argument.
/// Everything else is a bug.</summary>
[GenerateSerializer, Alias("AccessGrid.AccessGridException")]
public sealed class AccessGridException : Exception
{
    public AccessGridException(AccessGridError error, string message) : base(message) => Error = error;

    [Id(0)]
    public AccessGridError Error { get; private set; }

    public static AccessGridException StaffNotFound(string staffId) => new(AccessGridError.NotFound, $"Staff '{staffId}' does not exist.");

    public static AccessGridException DoorNotFound(string doorId) => new(AccessGridError.NotFound, $"Door '{doorId}' does not exist.");
}

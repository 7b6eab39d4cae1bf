namespace AccessGrid.Grains;

/// <summary>What kind of mistake an <see cref="AccessGridException"/> reports, so the gateway can pick the status code
/// (404, 409, 400).</summary>
public enum AccessGridError
{
    NotFound,
    Conflict,
    Invalid,
}

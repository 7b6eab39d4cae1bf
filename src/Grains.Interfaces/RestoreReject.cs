namespace AccessGrid.Grains;

/// <summary>One item of a backup the owning grain refused on restore.</summary>
/// <param name="Kind">door, key or staff.</param>
/// <param name="Id">The item's id (door id, key id, staff id).</param>
/// <param name="Reason">The grain's reason code (e.g. invalid_name, invalid_grant).</param>
/// <param name="Message">What was wrong.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.RestoreReject")]
public sealed record RestoreReject(
    [property: Id(0)] string Kind,
    [property: Id(1)] string Id,
    [property: Id(2)] string Reason,
    [property: Id(3)] string Message);

namespace AccessGrid.Grains;

/// <summary>Who made a change: an API key (its public id and label) or the system itself.</summary>
[GenerateSerializer, Immutable, Alias("AccessGrid.AuditActor")]
public sealed record AuditActor(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Label)
{
    /// <summary>Changes nobody asked for over the API: the bootstrap key, housekeeping.</summary>
    public static AuditActor System { get; } = new("system", "system");
}

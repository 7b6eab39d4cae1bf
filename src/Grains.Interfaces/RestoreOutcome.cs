namespace AccessGrid.Grains;

/// <summary>What a restore step did with its items.</summary>
/// <param name="Restored">Items written.</param>
/// <param name="Skipped">Items that already existed in the target (only with merge), left as they were.</param>
/// <param name="Rejected">Items the owning grain refused, with why.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.RestoreOutcome")]
public sealed record RestoreOutcome(
    [property: Id(0)] int Restored,
    [property: Id(1)] int Skipped,
    [property: Id(2)] RestoreReject[] Rejected)
{
    public static RestoreOutcome None { get; } = new(0, 0, []);

    public RestoreOutcome Add(RestoreOutcome other) => new(Restored + other.Restored, Skipped + other.Skipped, [.. Rejected, .. other.Rejected]);
}

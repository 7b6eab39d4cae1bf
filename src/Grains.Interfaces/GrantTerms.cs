namespace AccessGrid.Grains;

/// <summary>The conditions of a grant, as HR sets them.</summary>
/// <param name="Schedule">Weekly schedule; null means at any time.</param>
/// <param name="ValidFrom">Not valid before this instant; null means immediately.</param>
/// <param name="ValidUntil">Not valid from this instant on; null means open-ended.</param>
/// <param name="MaxUses">Visitor pass: the grant opens at most this many times; null means unlimited.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.GrantTerms")]
public sealed record GrantTerms(
    [property: Id(0)] WeeklySchedule? Schedule = null,
    [property: Id(1)] DateTimeOffset? ValidFrom = null,
    [property: Id(2)] DateTimeOffset? ValidUntil = null,
    [property: Id(3)] int? MaxUses = null)
{
    public static GrantTerms Always { get; } = new();
}

using System.Text.Json.Serialization;

namespace AccessGrid.Grains;

/// <summary>What a grant opens: one door, or every door of a zone.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GrantScope>))]
public enum GrantScope
{
    [JsonStringEnumMemberName("door")] Door,
    [JsonStringEnumMemberName("zone")] Zone,
}

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

/// <summary>One grant held by a person.</summary>
/// <param name="Scope">Door or zone.</param>
/// <param name="Target">Door id or zone name.</param>
/// <param name="Terms">Schedule, validity and use limit.</param>
/// <param name="Uses">Granted decisions made under this grant so far (counts against <see cref="GrantTerms.MaxUses"/>).</param>
/// <param name="GrantedAt">When the grant was last set.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.Grant")]
public sealed record Grant(
    [property: Id(0)] GrantScope Scope,
    [property: Id(1)] string Target,
    [property: Id(2)] GrantTerms Terms,
    [property: Id(3)] int Uses,
    [property: Id(4)] DateTimeOffset GrantedAt);

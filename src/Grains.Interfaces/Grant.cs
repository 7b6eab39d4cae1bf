namespace AccessGrid.Grains;

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

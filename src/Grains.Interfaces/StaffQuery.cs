namespace AccessGrid.Grains;

/// <summary>One page of the staff directory, ordered by id (ordinal). The rules live in the staff directory grain,
/// which refuses a query outside them with <c>invalid_query</c>.</summary>
/// <param name="Text">Search text. A person matches when every word of it starts a word of their name (case and
/// accents ignored), or when the whole text starts their id (case ignored). Null or blank: everyone.</param>
/// <param name="Limit">At most this many ids (1..<see cref="MaxLimit"/>).</param>
/// <param name="After">Cursor: only ids after this one — the <see cref="StaffIdPage.Next"/> of the previous page.</param>
/// <param name="Offset">Skips this many more (0..<see cref="MaxOffset"/>); the cursor is the way through a long list.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.StaffQuery")]
public sealed record StaffQuery(
    [property: Id(0)] string? Text = null,
    [property: Id(1)] int Limit = StaffQuery.DefaultLimit,
    [property: Id(2)] string? After = null,
    [property: Id(3)] int Offset = 0)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
    /// <summary>Skipping costs a read of every skipped id from every partition; deeper pages go by cursor.</summary>
    public const int MaxOffset = 10_000;
    public const int MaxTextLength = 200;
}

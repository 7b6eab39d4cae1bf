namespace AccessGrid.Grains;

/// <summary>A page of staff ids in id order, with how many people match the query in all.</summary>
/// <param name="Ids">The page, ordered by id (ordinal).</param>
/// <param name="Total">Everyone matching the query's text, on every page.</param>
/// <param name="Next">The cursor of the next page (this page's last id), or null on the last page.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.StaffIdPage")]
public sealed record StaffIdPage(
    [property: Id(0)] string[] Ids,
    [property: Id(1)] int Total,
    [property: Id(2)] string? Next);

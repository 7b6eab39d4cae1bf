namespace AccessGrid.Grains;

/// <summary>The answer of <c>GET /api/staff</c>: one page of people in id order, how many match in all, and the cursor
/// of the next page (null on the last one).</summary>
public sealed record StaffPage(StaffProfile[] Items, int Total, string? Next);

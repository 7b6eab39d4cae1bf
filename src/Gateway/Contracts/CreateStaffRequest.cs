namespace AccessGrid.Gateway.Contracts;

/// <summary>Body of <c>POST /api/staff</c>.</summary>
public sealed record CreateStaffRequest(string? Id, string? Name);

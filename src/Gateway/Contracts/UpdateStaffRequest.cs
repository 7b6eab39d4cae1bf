using AccessGrid.Grains;

namespace AccessGrid.Gateway.Contracts;

/// <summary>Body of <c>PATCH /api/staff/{id}</c>: rename and/or suspend or reactivate; absent fields stay as they are.</summary>
public sealed record UpdateStaffRequest(string? Name, StaffStatus? Status);

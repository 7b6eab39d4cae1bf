using AccessGrid.Grains;

namespace AccessGrid.Gateway.Contracts;

/// <summary>Body of <c>POST /api/keys</c>; a reader key names the one door it may post to. <paramref name="Label"/> says
/// what the key is ("Front door reader"), <paramref name="Owner"/> whom it is for; both at most 100 characters.</summary>
public sealed record CreateKeyRequest(ApiRole? Role, string? DoorId, string? Label = null, string? Owner = null);

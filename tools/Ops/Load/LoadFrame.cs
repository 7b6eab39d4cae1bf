namespace AccessGrid.Ops.Load;

/// <summary>One JPEG the readers post; <paramref name="StaffId"/> names the enrolled person it shows.</summary>
public sealed record LoadFrame(FrameKind Kind, byte[] Jpeg, string? StaffId);

namespace AccessGrid.Ops.Load;

/// <summary>One access request: when it was due (latency counts from then, so a stalled server cannot hide its
/// backlog), what it showed, and what came back. <paramref name="Error"/> is null for a 200 with a decision.</summary>
public sealed record RequestOutcome(
    double DueSeconds,
    double LatencyMs,
    string DoorId,
    FrameKind Kind,
    string? ExpectedStaffId,
    int Status,
    string? Decision,
    string? Reason,
    string? StaffId,
    string? EventId,
    string? Error)
{
    public bool Succeeded => Error is null;

    /// <summary>Did the decision match what the frame shows? (Enrolled → granted as that person; unknown →
    /// unknown_face; no face → no_face.)</summary>
    public bool AsExpected => Kind switch
    {
        FrameKind.Enrolled => Decision == "granted" && StaffId == ExpectedStaffId,
        FrameKind.Unknown => Decision == "denied" && Reason == "unknown_face",
        _ => Decision == "denied" && Reason == "no_face",
    };
}

using System.Text.Json.Serialization;

namespace AccessGrid.Grains;

/// <summary>Why a door opened or stayed shut.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DecisionReason>))]
public enum DecisionReason
{
    /// <summary>Granted after a 1:K search.</summary>
    [JsonStringEnumMemberName("identified")] Identified,
    /// <summary>Granted after a 1:1 check against the claimed person.</summary>
    [JsonStringEnumMemberName("verified")] Verified,
    /// <summary>The frame could not be decoded (empty, corrupt, not an image, too large).</summary>
    [JsonStringEnumMemberName("bad_image")] BadImage,
    [JsonStringEnumMemberName("no_face")] NoFace,
    /// <summary>The primary face is too small, too blurry, too dark or turned away to decide on.</summary>
    [JsonStringEnumMemberName("low_quality")] LowQuality,
    /// <summary>No enrolled face matched closely enough (1:K), or the match was ambiguous.</summary>
    [JsonStringEnumMemberName("unknown_face")] UnknownFace,
    /// <summary>The claimed person does not exist or has no template (1:1).</summary>
    [JsonStringEnumMemberName("not_enrolled")] NotEnrolled,
    /// <summary>The face is not the claimed person's (1:1).</summary>
    [JsonStringEnumMemberName("not_claimed_person")] NotClaimedPerson,
    [JsonStringEnumMemberName("suspended")] Suspended,
    /// <summary>No grant for this door or its zone.</summary>
    [JsonStringEnumMemberName("no_grant")] NoGrant,
    [JsonStringEnumMemberName("outside_schedule")] OutsideSchedule,
    /// <summary>The grant is no longer valid (its validUntil has passed).</summary>
    [JsonStringEnumMemberName("expired")] Expired,
    /// <summary>The door does not accept this kind of request (e.g. 1:K at a verify-only door).</summary>
    [JsonStringEnumMemberName("mode_not_allowed")] ModeNotAllowed,
    /// <summary>The grant starts later (its validFrom is still ahead).</summary>
    [JsonStringEnumMemberName("not_yet_valid")] NotYetValid,
    /// <summary>A visitor pass whose uses (maxUses) are all spent.</summary>
    [JsonStringEnumMemberName("pass_used_up")] PassUsedUp,
    /// <summary>The tracked face's passive live score is below the threshold: a photo or screen is suspected.</summary>
    [JsonStringEnumMemberName("spoof_suspected")] SpoofSuspected,
    /// <summary>The door's liveness policy could not be satisfied: no face with enough context, no blink in an
    /// "active" door's burst, a single frame at an "active" door, or no liveness evidence measured.</summary>
    [JsonStringEnumMemberName("liveness_unproven")] LivenessUnproven,
}

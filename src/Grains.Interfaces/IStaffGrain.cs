using Orleans.Concurrency;

namespace AccessGrid.Grains;

/// <summary>A person (key = staff id): profile, enrolled templates and grants. Every change is persisted, audited
/// and visible to the very next decision.</summary>
[Alias("AccessGrid.IStaffGrain")]
public interface IStaffGrain : IGrainWithStringKey
{
    /// <summary>Creates the person. Throws <see cref="AccessGridException"/>: staff_exists (Conflict), invalid_id or
    /// invalid_name (Invalid).</summary>
    ValueTask<StaffProfile> Create(string name);

    /// <summary>The profile, or null when the person does not exist.</summary>
    ValueTask<StaffProfile?> GetProfile();

    /// <summary>Renames the person. Throws unknown_staff (NotFound) or invalid_name (Invalid).</summary>
    ValueTask<StaffProfile> Rename(string name);

    /// <summary>Suspends or reactivates the person; suspension denies every door at once. Throws unknown_staff or invalid_status.</summary>
    ValueTask<StaffProfile> SetStatus(StaffStatus status);

    /// <summary>Adds the frame's single face as a template if it passes the enrollment quality gates and matches nobody
    /// else; the frame's face JPEG, when it carries one, becomes the template's thumbnail. Throws unknown_staff (NotFound).</summary>
    ValueTask<EnrollmentResult> Enroll(AnalysedFrame frame);

    /// <summary>Removes every template and its thumbnail (the person stays, with their grants). Returns how many were removed.</summary>
    ValueTask<int> RemoveFaces();

    /// <summary>Removes one template: from the state, the index and its thumbnail. Returns false when the person has
    /// no such template. Throws unknown_staff (NotFound).</summary>
    ValueTask<bool> RemoveFace(Guid templateId);

    /// <summary>Sets (adds or replaces) the grant for a door or zone; the use count restarts at zero. Throws
    /// unknown_staff or unknown_door (NotFound), invalid_id, invalid_zone or invalid_grant (Invalid).</summary>
    ValueTask<Grant> SetGrant(GrantScope scope, string target, GrantTerms terms);

    /// <summary>Revokes a grant. Returns false when there was none. Throws unknown_staff (NotFound).</summary>
    ValueTask<bool> RevokeGrant(GrantScope scope, string target);

    /// <summary>Checks status and grants for a door at an instant and, when granted, counts one use of a visitor pass.
    /// Called by the door after the face matched this person.</summary>
    ValueTask<AuthorizationResult> Authorize(string doorId, string zone, DateTimeOffset at);

    /// <summary>A 1:1 check in one call: the distance from <paramref name="embedding"/> to the person's nearest template,
    /// not_claimed_person when it is too far or <paramref name="nearestOther"/> (the nearest other person's distance)
    /// is plainly nearer, else <see cref="Authorize"/> (a visitor-pass use is counted only when granted).
    /// A person who does not exist is not_claimed_person too (no distance), never unknown_staff: no existence oracle.</summary>
    ValueTask<ClaimCheck> CheckClaim(float[] embedding, float? nearestOther, string doorId, string zone, DateTimeOffset at);

    /// <summary>The person's templates (for 1:1 checks and index rebuilds); empty when the person does not exist.
    /// Interleaves: an index shard rebuilding on activation calls it while this person may be waiting on that shard.</summary>
    [AlwaysInterleave]
    ValueTask<FaceTemplate[]> GetTemplates();

    /// <summary>Erases the person everywhere: state, every index shard, their index snapshots, their enrollment
    /// thumbnails and the decision snapshots of every decision that named them. Audit entries keep only the id.
    /// Returns false when the person did not exist.</summary>
    ValueTask<bool> Erase();

    /// <summary>The person exactly as stored (templates in half precision, grants with their uses), or null when the
    /// person does not exist. For backups.</summary>
    ValueTask<StaffRecord?> Export();

    /// <summary>Writes a backed-up person as it was stored, checked by the same rules as <see cref="Create"/>,
    /// <see cref="SetGrant"/> and the stored template shape; not re-encoded, not written to the index (the restore
    /// rebuilds it) and not audited one by one (the restore is one change). Returns false when the person already
    /// exists (left unchanged). Throws invalid_id, invalid_name, invalid_status, invalid_template, invalid_grant
    /// (Invalid) or unknown_door (NotFound).</summary>
    ValueTask<bool> Restore(StaffRecord record);
}

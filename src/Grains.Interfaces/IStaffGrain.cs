using Orleans.Concurrency;

namespace AccessGrid.Grains;

/// <summary>A person (key = staff id): profile, enrolled templates and grants. Every change is persisted, audited
/// and visible to the very next decision.</summary>
[Alias("AccessGrid.IStaffGrain")]
public interface IStaffGrain : IGrainWithStringKey
{
    /// <summary>Creates the person. Throws <see cref="AccessGridException"/> (Conflict) if the id is taken, (Invalid) on an empty name.</summary>
    ValueTask<StaffProfile> Create(string name);

    /// <summary>The profile, or null when the person does not exist.</summary>
    [AlwaysInterleave]
    ValueTask<StaffProfile?> GetProfile();

    /// <summary>Renames the person.</summary>
    ValueTask<StaffProfile> Rename(string name);

    /// <summary>Suspends or reactivates the person; suspension denies every door at once.</summary>
    ValueTask<StaffProfile> SetStatus(StaffStatus status);

    /// <summary>Encodes the picture and, if it passes the quality gates and matches nobody else, adds it as a template.</summary>
    ValueTask<EnrollmentResult> Enroll(byte[] image);

    /// <summary>Removes every template (the person stays, with their grants). Returns how many were removed.</summary>
    ValueTask<int> RemoveFaces();

    /// <summary>Sets (adds or replaces) the grant for a door or zone; the use count restarts at zero.</summary>
    ValueTask<Grant> SetGrant(GrantScope scope, string target, GrantTerms terms);

    /// <summary>Revokes a grant. Returns false when there was none.</summary>
    ValueTask<bool> RevokeGrant(GrantScope scope, string target);

    /// <summary>Checks status and grants for a door at an instant and, when granted, counts one use of a visitor pass.
    /// Called by the door after the face matched this person.</summary>
    ValueTask<AuthorizationResult> Authorize(string doorId, string zone, DateTimeOffset at);

    /// <summary>The person's templates (for 1:1 checks and index rebuilds); empty when the person does not exist.
    /// Interleaves: an index shard rebuilding on activation calls it while this person may be waiting on that shard.</summary>
    [AlwaysInterleave]
    ValueTask<FaceTemplate[]> GetTemplates();

    /// <summary>Erases the person everywhere: state, every index shard, their snapshots. Audit entries keep only the id.
    /// Returns false when the person did not exist.</summary>
    ValueTask<bool> Erase();
}

/// <summary>The staff side of a decision: may this person pass this door now?</summary>
/// <param name="Reason">Null when allowed; otherwise suspended, no_grant, outside_schedule, expired or not_enrolled.</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.AuthorizationResult")]
public sealed record AuthorizationResult(
    [property: Id(0)] DecisionReason? Reason,
    [property: Id(1)] string? Name)
{
    public bool Allowed => Reason is null;
}

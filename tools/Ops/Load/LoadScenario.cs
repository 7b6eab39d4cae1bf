using System.Net;
using AccessGrid.Client;
using AccessGrid.Grains;

namespace AccessGrid.Ops.Load;

/// <summary>What the readers need before the clock starts: the doors, one reader key per door, and the enrolled
/// people granted every load door. Idempotent ("already exists" counts as done), so a run can be repeated on the same
/// system.</summary>
public sealed record LoadScenario(IReadOnlyList<(string DoorId, string ReaderKey)> Doors, IReadOnlyList<LoadFrame> Frames)
{
    public static async Task<LoadScenario> Prepare(AccessGridClient admin, FrameLibrary library, int doors, Action<string> log, CancellationToken ct)
    {
        var doorIds = Enumerable.Range(1, doors).Select(i => $"load-door-{i:D2}").ToList();
        var readers = new List<(string, string)>();
        foreach (var door in doorIds)
        {
            await Existing(admin.CreateDoor(door, $"Load door {door}", "load", DoorMode.Both, LivenessPolicy.Off, ct));
            readers.Add((door, (await admin.CreateKey(ApiRole.Reader, door, ct)).Key));
        }
        log($"{doors} doors with a reader key each");

        var enrolled = new HashSet<string>();
        foreach (var (staffId, name, jpeg) in library.Enrollments)
        {
            await Existing(admin.CreateStaff(staffId, name, ct));
            if (!await Enroll(admin, staffId, jpeg, ct)) continue; // the gateway refused the photo (no face, blurry…)
            foreach (var door in doorIds) await admin.GrantDoor(staffId, door, ct: ct);
            enrolled.Add(staffId);
        }
        log($"{enrolled.Count} of {library.Enrollments.Count} people enrolled and granted every load door");
        if (enrolled.Count == 0) throw new InvalidOperationException("No enrollment succeeded: the gateway refused every photo.");

        var frames = library.Frames.Values.SelectMany(f => f)
            .Where(f => f.Kind != FrameKind.Enrolled || enrolled.Contains(f.StaffId!)).ToList();
        return new LoadScenario(readers, frames);
    }

    /// <summary>True when the face was enrolled (or already was, from an earlier run); false when the gateway refused it.</summary>
    private static async Task<bool> Enroll(AccessGridClient admin, string staffId, byte[] jpeg, CancellationToken ct)
    {
        try
        {
            await admin.EnrollFace(staffId, jpeg, ct: ct);
            return true;
        }
        catch (AccessGridApiException e) when (e.Status == HttpStatusCode.UnprocessableEntity)
        {
            return e.Body.Contains("already", StringComparison.OrdinalIgnoreCase) && e.Body.Contains(staffId, StringComparison.Ordinal);
        }
    }

    private static async Task Existing(Task create)
    {
        try { await create; }
        catch (AccessGridApiException e) when (e.Status == HttpStatusCode.Conflict) { }
    }
}

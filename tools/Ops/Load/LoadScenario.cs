using System.Net;
using System.Text.Json;
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

        // Load id → the id the face is enrolled under: whoever the system already recognises in the photo (a system
        // that already holds people, under any ids), else the load id, enrolled now. The door will — rightly — answer
        // with that id, so the frames expect it.
        var enrolled = new Dictionary<string, string>();
        var found = 0;
        foreach (var (staffId, name, jpeg) in library.Enrollments)
        {
            var holder = await Recognised(admin, doorIds[0], jpeg, ct);
            if (holder is not null) found++;
            else
            {
                await Existing(admin.CreateStaff(staffId, name, ct));
                holder = await Enroll(admin, staffId, jpeg, ct);
            }
            if (holder is null) continue; // the gateway refused the photo (no face, blurry…)
            foreach (var door in doorIds) await admin.GrantDoor(holder, door, ct: ct);
            enrolled[staffId] = holder;
        }
        var elsewhere = enrolled.Count(e => e.Key != e.Value);
        log($"{enrolled.Count} of {library.Enrollments.Count} people enrolled and granted every load door: {found} recognised as people the " +
            $"system already held" + (elsewhere > 0 ? $" ({elsewhere} under other ids, which the frames now expect)" : ""));
        if (enrolled.Count == 0) throw new InvalidOperationException("No enrollment succeeded: the gateway refused every photo.");

        var frames = library.Frames.Values.SelectMany(f => f)
            .Where(f => f.Kind != FrameKind.Enrolled || enrolled.ContainsKey(f.StaffId!))
            .Select(f => f.Kind == FrameKind.Enrolled ? f with { StaffId = enrolled[f.StaffId!] } : f).ToList();
        return new LoadScenario(readers, frames);
    }

    /// <summary>Who the system already recognises in the enrollment photo (1:K at a load door, which an admin key may
    /// use): the matched person even when a grant is missing, null for an unknown face or no decision.</summary>
    private static async Task<string?> Recognised(AccessGridClient admin, string doorId, byte[] jpeg, CancellationToken ct)
    {
        try
        {
            return (await admin.Access(doorId, jpeg, ct: ct)).StaffId;
        }
        catch (AccessGridApiException e) when (e.Status == HttpStatusCode.UnprocessableEntity)
        {
            return null; // a photo the door cannot decode: the enrollment will say why
        }
    }

    /// <summary>The id the face is enrolled under: <paramref name="staffId"/> when enrolled now, or whoever already
    /// held it (an earlier run, or a person of a system that already has people); null when the gateway refused it.</summary>
    private static async Task<string?> Enroll(AccessGridClient admin, string staffId, byte[] jpeg, CancellationToken ct)
    {
        try
        {
            await admin.EnrollFace(staffId, jpeg, ct: ct);
            return staffId;
        }
        catch (AccessGridApiException e) when (e.Status == HttpStatusCode.UnprocessableEntity && e.Reason == "already_enrolled_as_other")
        {
            using var problem = JsonDocument.Parse(e.Body);
            return problem.RootElement.TryGetProperty("conflictingStaffId", out var holder) && holder.GetString() is { Length: > 0 } id ? id : null;
        }
        catch (AccessGridApiException e) when (e.Status == HttpStatusCode.UnprocessableEntity)
        {
            // A person filled up with this same photo by earlier runs is enrolled; any other refusal is not.
            return e.Reason == "too_many_templates" ? staffId : null;
        }
    }

    private static async Task Existing(Task create)
    {
        try { await create; }
        catch (AccessGridApiException e) when (e.Status == HttpStatusCode.Conflict) { }
    }
}

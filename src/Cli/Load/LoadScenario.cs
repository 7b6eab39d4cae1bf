namespace AccessGrid.Cli.Load;

/// <summary>What the readers need before the clock starts: the doors, one reader key per door, and the enrolled
/// people granted every load door. Idempotent, so a run can be repeated on the same system.</summary>
public sealed record LoadScenario(IReadOnlyList<(string DoorId, string ReaderKey)> Doors, IReadOnlyList<LoadFrame> Frames)
{
    public static async Task<LoadScenario> Prepare(AccessGridClient client, FrameLibrary library, int doors, Action<string> log, CancellationToken ct)
    {
        var doorIds = Enumerable.Range(1, doors).Select(i => $"load-door-{i:D2}").ToList();
        var readers = new List<(string, string)>();
        foreach (var door in doorIds)
        {
            await client.CreateDoor(door, ct);
            readers.Add((door, await client.CreateReaderKey(door, ct)));
        }
        log($"{doors} doors with a reader key each");

        var enrolled = new HashSet<string>();
        foreach (var (staffId, name, jpeg) in library.Enrollments)
        {
            await client.CreateStaff(staffId, name, ct);
            if (!await client.EnrollFace(staffId, jpeg, ct)) continue; // the gateway refused the photo (no face, blurry…)
            foreach (var door in doorIds) await client.Grant(staffId, door, ct);
            enrolled.Add(staffId);
        }
        log($"{enrolled.Count} of {library.Enrollments.Count} people enrolled and granted every load door");
        if (enrolled.Count == 0) throw new InvalidOperationException("No enrollment succeeded: the gateway refused every photo.");

        var frames = library.Frames.Values.SelectMany(f => f)
            .Where(f => f.Kind != FrameKind.Enrolled || enrolled.Contains(f.StaffId!)).ToList();
        return new LoadScenario(readers, frames);
    }
}

using System.Globalization;
using AccessGrid.Client;
using AccessGrid.Grains;
using AccessGrid.Ops.Load;

namespace AccessGrid.Ops.Drills;

/// <summary>Did every decision a reader got (HTTP 200) reach the audit log? Reads GET /api/events per door, page by
/// page backwards in time, and looks up every event id the readers were given.</summary>
public static class AuditCheck
{
    /// <param name="faultAt">When the drill broke something (seconds into the load): missing events are reported by
    /// when their readers were answered relative to it.</param>
    public static async Task<DrillCheck> EveryDecisionAudited(AccessGridClient client, IReadOnlyList<RequestOutcome> outcomes,
        DateTimeOffset from, CancellationToken ct, double? faultAt = null)
    {
        var decided = outcomes.Where(o => o.Succeeded && o.EventId is not null).ToList();
        var missing = decided.Count;
        var lost = new List<RequestOutcome>();
        // An audit write may still be in flight when the load ends: look three times, five seconds apart.
        for (int attempt = 0; attempt < 3 && missing > 0; attempt++)
        {
            if (attempt > 0) await Task.Delay(TimeSpan.FromSeconds(5), ct);
            var to = DateTimeOffset.UtcNow.AddMinutes(1);
            lost.Clear();
            foreach (var door in decided.GroupBy(o => o.DoorId))
            {
                var audited = await EventIds(client, door.Key, from, to, ct);
                lost.AddRange(door.Where(o => !audited.Contains(o.EventId!)));
            }
            missing = lost.Count;
        }
        var measured = $"{decided.Count - missing} of {decided.Count} audited, {missing} missing";
        if (missing > 0 && faultAt is { } fault)
        {
            var answered = lost.Select(o => o.DueSeconds + o.LatencyMs / 1000 - fault).Order().ToList();
            measured += string.Create(CultureInfo.InvariantCulture, $" (answered {answered[0]:+0.0;-0.0} … {answered[^1]:+0.0;-0.0} s from the fault)");
        }
        return new DrillCheck("every 200 decision has its audit event", missing == 0 && decided.Count > 0, measured);
    }

    private static async Task<HashSet<string>> EventIds(AccessGridClient client, string doorId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var ids = new HashSet<string>();
        while (true)
        {
            var page = await client.Events(new AuditQuery(doorId, From: from, To: to, Limit: AuditQuery.MaxLimit, Kind: AuditKind.Decision), ct);
            int before = ids.Count;
            var oldest = to;
            foreach (var e in page)
            {
                ids.Add(e.EventId);
                if (e.Timestamp < oldest) oldest = e.Timestamp;
            }
            // Next page ends just after the oldest entry seen: entries sharing its timestamp are read again, not skipped.
            if (page.Length < AuditQuery.MaxLimit || ids.Count == before) return ids;
            to = oldest.AddTicks(1);
        }
    }
}

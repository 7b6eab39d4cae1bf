using AccessGrid.Grains;

namespace AccessGrid.Dashboard;

/// <summary>What a door tile shows: the newest decision and the last hour's counts.</summary>
/// <param name="Unknown">Denials because the face matched nobody (also counted in <paramref name="Denied"/>).</param>
/// <param name="RecentDenials">Instants of the denials inside the alarm window, oldest first, so a page can let the
/// alarm lapse on time between two snapshots.</param>
/// <param name="RateLimited">Decisions refused by a rate limit inside the alarm window: the door is being hammered.</param>
/// <param name="LastRateLimited">When the newest of those was refused (to the second), so the page can let it lapse.</param>
public sealed record DoorSummary(
    string DoorId, Decision? Last, int Granted, int Denied, int Unknown, DateTimeOffset[] RecentDenials,
    int RateLimited, DateTimeOffset? LastRateLimited, bool Alarm);

/// <summary>The door board as served to the pages, with the alarm rule it was computed with.</summary>
/// <param name="HistoryLoaded">False while this node is still reading the last hour from the audit log after a start.</param>
public sealed record DoorBoardView(int AlarmThreshold, int AlarmWindowSeconds, bool HistoryLoaded, DoorSummary[] Doors);

namespace AccessGrid.Dashboard;

/// <summary>When a door tile turns to alarm: this many denials (unknown faces included) within the window, or any
/// decision refused by a rate limit within it (the door is being hammered). One place for the rule; the pages receive
/// it with the board rather than repeating it.</summary>
public static class AlarmRule
{
    public const int Threshold = 3;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static bool IsRaised(int denialsInWindow) => denialsInWindow >= Threshold;

    public static bool IsHammered(int rateLimitedInWindow) => rateLimitedInWindow > 0;
}

namespace AccessGrid.Ops.Load;

/// <summary>One open-loop run: <paramref name="Rate"/> requests per second in total, spread round-robin over the
/// doors, for <paramref name="Duration"/>; stragglers get <paramref name="Timeout"/> and then count as timeouts.</summary>
public sealed record LoadSettings(int Doors, double Rate, TimeSpan Duration, LoadMix Mix, TimeSpan Timeout, int Seed = 1)
{
    public int TotalRequests => (int)Math.Round(Rate * Duration.TotalSeconds);

    public void Validate()
    {
        if (Doors is < 1 or > 1000) throw new ArgumentException("--doors must be within 1..1000.");
        if (!(Rate > 0 && Rate <= 10_000)) throw new ArgumentException("--rate must be within (0, 10000] requests per second.");
        if (Duration <= TimeSpan.Zero || Duration > TimeSpan.FromHours(1)) throw new ArgumentException("--duration must be within (0, 1h].");
        if (Timeout <= TimeSpan.Zero) throw new ArgumentException("--timeout must be positive.");
    }
}

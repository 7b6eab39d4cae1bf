namespace AccessGrid.Gateway.Throttling;

/// <summary>Tells whoever listens (the dashboard's door board) that a door's decision was refused by a rate limit:
/// a door being hammered is an alarm, not just a log line.</summary>
public sealed class DoorRateLimitEvents
{
    /// <summary>Raised with the door id, on the request's thread, for every refused decision.</summary>
    public event Action<string>? Rejected;

    public void Reject(string doorId) => Rejected?.Invoke(doorId);
}

namespace AccessGrid.Grains;

/// <summary>One delivery attempt, as the delivery log keeps it.</summary>
/// <param name="DeliveryId">The delivery's id (the same on every attempt, so receivers can drop repeats).</param>
/// <param name="Event">"decision", "alarm", "change" or "ping".</param>
/// <param name="Attempt">1 for the first try.</param>
/// <param name="StatusCode">The receiver's HTTP status; null when no answer came.</param>
/// <param name="LatencyMs">From sending to the answer (or the failure).</param>
/// <param name="Error">Why it failed, when it did (never the secret or the body).</param>
[GenerateSerializer, Immutable, Alias("AccessGrid.WebhookAttempt")]
public sealed record WebhookAttempt(
    [property: Id(0)] string DeliveryId,
    [property: Id(1)] string Event,
    [property: Id(2)] int Attempt,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] WebhookOutcome Outcome,
    [property: Id(5)] int? StatusCode,
    [property: Id(6)] double LatencyMs,
    [property: Id(7)] string? Error);

namespace AccessGrid.Grains.Webhooks;

/// <summary>Webhook settings (section "AccessGrid:Webhooks").</summary>
public sealed class WebhookOptions
{
    /// <summary>Host names (exact, case-insensitive) webhooks may point at besides loopback. Empty: loopback only.</summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>Tries per delivery, the first included.</summary>
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Wait before the second try; each further wait is <see cref="BackoffFactor"/> times longer (±20 % jitter).
    /// With the defaults the retries span about 11 minutes: 10 s, 25 s, 1 min, 2.6 min, 6.5 min.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public double BackoffFactor { get; set; } = 2.5;

    /// <summary>How long one try waits for the receiver's answer.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries one silo keeps in flight (retries waiting included) per webhook; further events for that
    /// webhook are dropped, counted and logged until it recovers.</summary>
    public int MaxPendingPerWebhook { get; set; } = 1000;
}

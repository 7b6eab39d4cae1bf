using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AccessGrid.Grains.Webhooks;

/// <summary>Delivers webhook events from this silo. Grains hand events over with <see cref="Publish{T}"/>, which only
/// writes to a bounded in-memory queue and never waits, so a decision is never slowed by a receiver. A background loop
/// asks the registry who subscribed and starts one delivery per webhook and event; each delivery retries with
/// exponential back-off and jitter on this silo's <see cref="TimeProvider"/>. Retries waiting here are lost when the
/// silo stops.</summary>
public sealed class WebhookDispatcher : BackgroundService
{
    /// <summary>Events waiting for the loop; beyond this the newest are dropped (counted and logged).</summary>
    public const int QueueCapacity = 10_000;
    private const int MaxBatch = 200;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly Channel<(WebhookEvent Kind, object Data, DateTimeOffset At)> _queue =
        Channel.CreateBounded<(WebhookEvent, object, DateTimeOffset)>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true });
    private readonly ConcurrentDictionary<string, int> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _dropped = new(StringComparer.Ordinal);
    private readonly IGrainFactory _grains;
    private readonly TimeProvider _clock;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly WebhookOptions _options;
    private readonly WebhookSender _sender;

    public WebhookDispatcher(IGrainFactory grains, TimeProvider clock, IOptions<AccessGridOptions> options, ILogger<WebhookDispatcher> logger)
    {
        _grains = grains;
        _clock = clock;
        _logger = logger;
        _options = options.Value.Webhooks;
        _sender = new WebhookSender(_options);
    }

    private IWebhookRegistryGrain Registry => _grains.GetGrain<IWebhookRegistryGrain>(0);

    /// <summary>Queues events for every webhook subscribed to <paramref name="kind"/>. Never blocks.</summary>
    public void Publish<T>(WebhookEvent kind, IEnumerable<T> events) where T : notnull
    {
        var now = _clock.GetUtcNow();
        foreach (var data in events)
            if (!_queue.Writer.TryWrite((kind, data, now))) Dropped("*", kind.WireName());
    }

    /// <summary>One signed "ping" to <paramref name="target"/>, now, without retries.</summary>
    public async Task<WebhookAttempt> Ping(WebhookTarget target)
    {
        var (id, body) = Envelope("ping", new { message = "AccessGrid webhook test" }, _clock.GetUtcNow());
        var attempt = await _sender.Send(target, id, "ping", body, 1, _clock.GetUtcNow(), CancellationToken.None);
        if (attempt.Outcome == WebhookOutcome.Retrying) attempt = attempt with { Outcome = WebhookOutcome.Failed };
        GrainMetrics.WebhookAttempted("ping", attempt.Outcome);
        return attempt;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<(WebhookEvent Kind, object Data, DateTimeOffset At)>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item)) batch.Add(item);
                foreach (var group in batch.GroupBy(e => e.Kind)) await Fan(group.Key, [.. group], stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override void Dispose()
    {
        _sender.Dispose();
        base.Dispose();
    }

    private async Task Fan(WebhookEvent kind, (WebhookEvent Kind, object Data, DateTimeOffset At)[] events, CancellationToken stoppingToken)
    {
        WebhookTarget[] targets;
        try
        {
            targets = await Registry.Targets(kind);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _logger.LogWarning(e, "Webhook targets for {Count} {Event} event(s) could not be read; the events are dropped", events.Length, kind.WireName());
            foreach (var _ in events) Dropped("*", kind.WireName());
            return;
        }
        foreach (var target in targets)
        foreach (var e in events)
        {
            if (_pending.AddOrUpdate(target.Id, 1, (_, n) => n + 1) > _options.MaxPendingPerWebhook)
            {
                Release(target.Id);
                Dropped(target.Id, kind.WireName());
                continue;
            }
            _ = Deliver(target, kind.WireName(), e.Data, e.At, stoppingToken);
        }
    }

    /// <summary>One event to one webhook: up to MaxAttempts tries, waiting longer after each failure.</summary>
    private async Task Deliver(WebhookTarget target, string kind, object data, DateTimeOffset at, CancellationToken stoppingToken)
    {
        try
        {
            var (id, body) = Envelope(kind, data, at);
            for (var attempt = 1; ; attempt++)
            {
                var result = await _sender.Send(target, id, kind, body, attempt, _clock.GetUtcNow(), stoppingToken);
                var last = attempt >= _options.MaxAttempts;
                if (result.Outcome == WebhookOutcome.Retrying && last) result = result with { Outcome = WebhookOutcome.Failed };
                GrainMetrics.WebhookAttempted(kind, result.Outcome);
                if (result.Outcome != WebhookOutcome.Retrying)
                {
                    if (result.Outcome != WebhookOutcome.Delivered)
                        _logger.LogWarning("Webhook {WebhookId} gave up on {Event} delivery {DeliveryId} after {Attempts} attempt(s): {Error}",
                            target.Id, kind, id, attempt, result.Error);
                    await Registry.Record(target.Id, result);
                    return;
                }
                // The wait exists before the attempt is logged: whoever reads the log may already move the clock on.
                var wait = Task.Delay(Backoff(attempt), _clock, stoppingToken);
                await Registry.Record(target.Id, result);
                await wait;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Webhook {WebhookId}: {Event} delivery failed unexpectedly", target.Id, kind);
        }
        finally
        {
            Release(target.Id);
        }
    }

    /// <summary>The wait after failed attempt <paramref name="attempt"/>: exponential, with ±20 % jitter so that many
    /// deliveries failing together do not all come back at once.</summary>
    private TimeSpan Backoff(int attempt) =>
        _options.FirstRetryDelay * Math.Pow(_options.BackoffFactor, attempt - 1) * (0.8 + 0.4 * Random.Shared.NextDouble());

    private static (string Id, byte[] Body) Envelope(string kind, object data, DateTimeOffset at)
    {
        var id = $"dlv-{Guid.NewGuid():N}";
        return (id, JsonSerializer.SerializeToUtf8Bytes(new WebhookPayload(id, kind, at, data), Json));
    }

    private void Release(string webhookId) => _pending.AddOrUpdate(webhookId, 0, (_, n) => n - 1);

    /// <summary>Counts every drop; logs the 1st, 10th, 100th… per webhook, so a receiver down for hours does not flood the log.</summary>
    private void Dropped(string webhookId, string kind)
    {
        GrainMetrics.WebhookDropped(kind);
        var count = _dropped.AddOrUpdate(webhookId, 1, (_, n) => n + 1);
        if (IsPowerOfTen(count))
            _logger.LogWarning("Webhook {WebhookId}: {Count} {Event} event(s) dropped on this silo so far (receiver too slow or down; queue full)",
                webhookId, count, kind);
    }

    private static bool IsPowerOfTen(long n)
    {
        while (n % 10 == 0) n /= 10;
        return n == 1;
    }
}

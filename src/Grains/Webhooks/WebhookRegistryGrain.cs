using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace AccessGrid.Grains.Webhooks;

/// <summary>Registers webhooks (the destination rule lives here, where they are stored), generates their secrets and
/// keeps each one's delivery log. Attempts arrive from every silo's dispatcher; the log is written to storage at most
/// every <see cref="LogSaveEvery"/>, so a busy webhook costs no storage write per delivery.</summary>
public sealed class WebhookRegistryGrain(
    [PersistentState("webhooks", StorageNames.Webhooks)] IPersistentState<WebhookState> state,
    WebhookDispatcher dispatcher,
    IOptions<AccessGridOptions> options,
    TimeProvider clock) : Grain, IWebhookRegistryGrain
{
    /// <summary>Attempts kept per webhook.</summary>
    public const int LogSize = 100;
    public const int MaxWebhooks = 50;
    private const int MaxLabel = 100;
    private const string SecretPrefix = "whsec_";
    private static readonly TimeSpan LogSaveEvery = TimeSpan.FromSeconds(30);

    private bool _logUnsaved;

    private WebhookState S => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(SaveLog, new GrainTimerCreationOptions(LogSaveEvery, LogSaveEvery) { Interleave = false });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await SaveLog();

    public async ValueTask<CreatedWebhook> Create(string url, WebhookEvent[] events, string? label)
    {
        var uri = WebhookDestination.Validate(url, options.Value.Webhooks.AllowedHosts);
        if (events is null || events.Length == 0 || !events.All(Enum.IsDefined))
            throw AccessGridException.Invalid("invalid_events", "events must list one or more of decision, alarm, change.");
        var text = label?.Trim() ?? "";
        if (text.Length > MaxLabel || text.Any(char.IsControl))
            throw AccessGridException.Invalid("invalid_request", $"label must be at most {MaxLabel} characters, without control characters.");
        if (S.Webhooks.Count >= MaxWebhooks)
            throw AccessGridException.Conflict("too_many_webhooks", $"At most {MaxWebhooks} webhooks; delete one first.");

        var info = new WebhookInfo($"wh-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}", uri.AbsoluteUri,
            [.. events.Distinct().Order()], text.Length > 0 ? text : uri.Host, clock.GetUtcNow(), AuditActors.Current());
        var secret = SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        S.Webhooks[info.Id] = new StoredWebhook(info, secret);
        await state.WriteStateAsync();
        _logUnsaved = false;
        await AuditLog.Change(GrainFactory, "webhook.created", null, null,
            $"Webhook {info.Id} '{info.Label}' to {uri.GetLeftPart(UriPartial.Path)} for {string.Join(", ", info.Events.Select(e => e.WireName()))}.");
        return new CreatedWebhook(secret, info);
    }

    public ValueTask<WebhookInfo[]> List() =>
        ValueTask.FromResult(S.Webhooks.Values.Select(w => w.Info).OrderBy(w => w.CreatedAt).ToArray());

    public async ValueTask<bool> Delete(string webhookId)
    {
        if (!S.Webhooks.Remove(webhookId, out var removed)) return false;
        S.Log.Remove(webhookId);
        await state.WriteStateAsync();
        _logUnsaved = false;
        await AuditLog.Change(GrainFactory, "webhook.deleted", null, null, $"Webhook {webhookId} '{removed.Info.Label}' deleted.");
        return true;
    }

    public async ValueTask<WebhookAttempt> Ping(string webhookId)
    {
        var target = Target(Require(webhookId));
        var attempt = await dispatcher.Ping(target);
        Add(webhookId, attempt);
        return attempt;
    }

    public ValueTask<WebhookAttempt[]> Deliveries(string webhookId, int limit)
    {
        Require(webhookId);
        if (limit is < 1 or > LogSize) throw AccessGridException.Invalid("invalid_query", $"limit must be between 1 and {LogSize}.");
        var log = S.Log.GetValueOrDefault(webhookId) ?? [];
        return ValueTask.FromResult(Enumerable.Reverse(log).Take(limit).ToArray());
    }

    public ValueTask<WebhookTarget[]> Targets(WebhookEvent kind) =>
        ValueTask.FromResult(S.Webhooks.Values.Where(w => w.Info.Events.Contains(kind)).Select(Target).ToArray());

    public ValueTask Record(string webhookId, WebhookAttempt attempt)
    {
        Add(webhookId, attempt);
        return ValueTask.CompletedTask;
    }

    private void Add(string webhookId, WebhookAttempt attempt)
    {
        if (!S.Webhooks.ContainsKey(webhookId)) return;
        if (!S.Log.TryGetValue(webhookId, out var log)) S.Log[webhookId] = log = [];
        log.Add(attempt);
        if (log.Count > LogSize) log.RemoveRange(0, log.Count - LogSize);
        _logUnsaved = true;
    }

    private StoredWebhook Require(string webhookId) =>
        S.Webhooks.GetValueOrDefault(webhookId)
        ?? throw new AccessGridException(AccessGridError.NotFound, "unknown_webhook", $"No webhook has the id '{webhookId}'.");

    private static WebhookTarget Target(StoredWebhook webhook) => new(webhook.Info.Id, new Uri(webhook.Info.Url), webhook.Secret);

    private async Task SaveLog()
    {
        if (!_logUnsaved) return;
        _logUnsaved = false;
        await state.WriteStateAsync();
    }
}

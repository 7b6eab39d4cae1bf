using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using AccessGrid.Vision;

namespace AccessGrid.Grains;

/// <summary>What the grains measure, as OpenTelemetry-ready instruments (System.Diagnostics.Metrics): decisions by
/// outcome and reason, stage and search latencies, index size, enrollment rejections. The silo exports them (Prometheus
/// at /metrics, OTLP when configured); names follow the OpenTelemetry conventions (dots, units in metadata).</summary>
public static class GrainMetrics
{
    public const string MeterName = "AccessGrid.Grains";

    /// <summary>Spans around the work Orleans' own call spans do not show: frame analysis and index search.</summary>
    public static readonly ActivitySource Tracing = new(MeterName);

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Decisions = Meter.CreateCounter<long>(
        "accessgrid.decisions", "{decision}", "Door decisions by action (access, verify), outcome and reason.");

    private static readonly Histogram<double> DecisionDuration = Meter.CreateHistogram<double>(
        "accessgrid.decision.duration", "ms", "Time from the door grain receiving an analysed frame to its audited decision.");

    private static readonly Histogram<double> StageDuration = Meter.CreateHistogram<double>(
        "accessgrid.vision.stage.duration", "ms", "Time per vision stage (decode, detect, landmarks, align, encode) per frame; liveness per burst.");

    private static readonly Histogram<double> SearchDuration = Meter.CreateHistogram<double>(
        "accessgrid.index.search.duration", "ms", "Time one index shard spends on a k-nearest search.");

    private static readonly Histogram<double> AuditAppendDuration = Meter.CreateHistogram<double>(
        "accessgrid.audit.append.duration", "ms", "Time a decision waits for its audit entry to be stored (the reader waits for it too).");

    private static readonly Counter<long> EnrollmentRejections = Meter.CreateCounter<long>(
        "accessgrid.enrollment.rejections", "{photo}", "Enrollment photos refused, by reason.");

    private static readonly Counter<long> WebhookDeliveries = Meter.CreateCounter<long>(
        "accessgrid.webhook.deliveries", "{attempt}",
        "Webhook delivery attempts by event and outcome (delivered, retrying, failed, refused), and events dropped (outcome dropped).");

    static GrainMetrics()
    {
        Meter.CreateObservableGauge("accessgrid.index.templates", () => IndexSizes.Observe(s => s.Templates),
            "{template}", "Templates held by the index shards active on this silo.");
        Meter.CreateObservableGauge("accessgrid.index.identities", () => IndexSizes.Observe(s => s.Identities),
            "{person}", "Enrolled people held by the index shards active on this silo.");
    }

    /// <summary>The sizes of the shards active in this process, reported by the shards themselves.</summary>
    public static ShardSizes IndexSizes { get; } = new();

    public static void Decided(string action, Decision decision)
    {
        var tags = new TagList
        {
            { "action", action },
            { "outcome", decision.Outcome.ToString().ToLowerInvariant() },
            { "reason", WireName(decision.Reason) },
        };
        Decisions.Add(1, tags);
        DecisionDuration.Record(decision.LatencyMs, new KeyValuePair<string, object?>("action", action));
    }

    /// <summary>The liveness stage of one burst: tracking, a second decode of the tracked frames and the passive model.</summary>
    public static void LivenessScored(double milliseconds) => StageDuration.Record(milliseconds, new KeyValuePair<string, object?>("stage", "liveness"));

    public static void AuditAppended(double milliseconds) => AuditAppendDuration.Record(milliseconds);

    public static void Analysed(StageTimings timings)
    {
        StageDuration.Record(timings.Decode, new KeyValuePair<string, object?>("stage", "decode"));
        StageDuration.Record(timings.Detect, new KeyValuePair<string, object?>("stage", "detect"));
        StageDuration.Record(timings.Landmarks, new KeyValuePair<string, object?>("stage", "landmarks"));
        StageDuration.Record(timings.Align, new KeyValuePair<string, object?>("stage", "align"));
        StageDuration.Record(timings.Encode, new KeyValuePair<string, object?>("stage", "encode"));
    }

    public static void Searched(int shard, double milliseconds) =>
        SearchDuration.Record(milliseconds, new KeyValuePair<string, object?>("shard", shard));

    public static void EnrollmentRejected(EnrollmentRejection reason) =>
        EnrollmentRejections.Add(1, new KeyValuePair<string, object?>("reason", WireName(reason)));

    public static void WebhookAttempted(string kind, WebhookOutcome outcome) => Webhook(kind, WireName(outcome));

    /// <summary>An event not delivered at all: the silo's queue, or the webhook's pending deliveries, were full.</summary>
    public static void WebhookDropped(string kind) => Webhook(kind, "dropped");

    private static void Webhook(string kind, string outcome) =>
        WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("event", kind), new KeyValuePair<string, object?>("outcome", outcome));

    // Tags use the API's names ("no_face"), so a dashboard query reads like the decision JSON.
    private static string WireName<T>(T value) where T : struct, Enum => JsonSerializer.Serialize(value).Trim('"');
}

using System.Diagnostics.Metrics;

namespace AccessGrid.Gateway;

/// <summary>What the gateway measures: refused authentication and authorization, by reason (a burst of
/// <c>invalid_api_key</c> is someone guessing keys).</summary>
public static class GatewayMetrics
{
    public const string MeterName = "AccessGrid.Gateway";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> AuthFailures = Meter.CreateCounter<long>(
        "accessgrid.auth.failures", "{request}", "Requests refused with 401 or 403, by reason.");

    public static void AuthFailed(string reason) => AuthFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));
}

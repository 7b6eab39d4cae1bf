using System.Net;
using AccessGrid.Gateway;
using AccessGrid.Gateway.Auth;
using AccessGrid.Grains;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AccessGrid.Silo;

/// <summary>OpenTelemetry for the whole process: AccessGrid's own meters, Orleans', ASP.NET Core's and the runtime's,
/// scraped by Prometheus at <c>/metrics</c>; traces (HTTP request → grain calls → analysis and index search) and
/// metrics also pushed over OTLP when an endpoint is configured. Nothing leaves the machine unless configured.</summary>
public static class Telemetry
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddAccessGridTelemetry(this WebApplicationBuilder builder, SiloSettings settings)
    {
        var otlp = settings.OtlpEndpoint;
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("accessgrid"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(GrainMetrics.MeterName, GatewayMetrics.MeterName, "Microsoft.Orleans")
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
                if (otlp is not null) metrics.AddOtlpExporter(o => o.Endpoint = otlp);
            });
        // Traces have no pull exporter: collect them only when something will receive them.
        if (otlp is not null)
            telemetry.WithTracing(tracing => tracing
                .AddSource(GrainMetrics.MeterName, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments(MetricsPath))
                .AddOtlpExporter(o => o.Endpoint = otlp));
        return builder;
    }

    /// <summary>Prometheus' scrape endpoint: open to this machine (a local Prometheus or node agent), an admin key from
    /// anywhere else.</summary>
    public static WebApplication MapAccessGridMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath)
            .RequireAuthorization(p => p.RequireAssertion(c =>
                c.User.IsInRole(ApiRoles.Admin) || c.Resource is HttpContext http && IsLoopback(http)));
        return app;
    }

    public static bool IsLoopback(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote);
}

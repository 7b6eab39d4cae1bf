using System.Net;

namespace AccessGrid.Grains.Webhooks;

/// <summary>Where webhooks may send: loopback, or a host an operator listed in <see cref="WebhookOptions.AllowedHosts"/>.
/// Checked when a webhook is registered, and again on every connection, because a name such as "localhost" could be
/// made to resolve elsewhere between the two (DNS rebinding).</summary>
internal static class WebhookDestination
{
    public const int MaxUrlLength = 2000;

    /// <summary>The URL as a webhook destination, or Invalid (invalid_webhook_url, webhook_host_not_allowed).</summary>
    public static Uri Validate(string? url, IReadOnlyCollection<string> allowedHosts)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxUrlLength || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https"))
            throw AccessGridException.Invalid("invalid_webhook_url", $"url must be an absolute http or https URL of at most {MaxUrlLength} characters.");
        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
            throw AccessGridException.Invalid("invalid_webhook_url", "url must not contain user info or a fragment.");
        var host = uri.DnsSafeHost;
        if (!IsLoopbackName(host) && !IsAllowed(host, allowedHosts))
            throw AccessGridException.Invalid("webhook_host_not_allowed",
                $"Webhooks may only send to loopback or to hosts listed in AccessGrid:Webhooks:AllowedHosts; '{host}' is not listed.");
        return uri;
    }

    /// <summary>Listed by the operator: sent to wherever it resolves.</summary>
    public static bool IsAllowed(string host, IReadOnlyCollection<string> allowedHosts) =>
        allowedHosts.Any(h => string.Equals(h.Trim(), host, StringComparison.OrdinalIgnoreCase));

    /// <summary>Addresses a host that is not listed may be reached at: loopback only, or <see cref="WebhookRefusedException"/>.</summary>
    public static IPAddress[] RequireLoopback(string host, IPAddress[] addresses)
    {
        if (addresses.Length == 0 || !addresses.All(IPAddress.IsLoopback))
            throw new WebhookRefusedException($"'{host}' resolves to {string.Join(", ", addresses.Select(a => a.ToString()))}, not loopback, and is not an allowed host.");
        return addresses;
    }

    private static bool IsLoopbackName(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}

using System.Security.Cryptography;
using System.Text;

namespace AccessGrid.Grains.Webhooks;

/// <summary>How a delivery is signed: HMAC-SHA256, keyed with the webhook's secret (its UTF-8 bytes), over
/// "{timestamp}.{body}", sent as <c>X-AccessGrid-Signature: t={unix seconds},v1={hex}</c>. The timestamp is signed
/// with the body, so a receiver that rejects old timestamps also rejects replays.</summary>
public static class WebhookSignature
{
    public const string Header = "X-AccessGrid-Signature";
    public const string EventHeader = "X-AccessGrid-Event";
    public const string DeliveryHeader = "X-AccessGrid-Delivery";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        byte[] prefix = Encoding.UTF8.GetBytes($"{timestamp}.");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}

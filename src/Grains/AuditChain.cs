using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AccessGrid.Grains;

/// <summary>The rules of the audit chain: which chain an entry belongs to and how its hash is computed. One place,
/// used by the writer (<see cref="AuditChainGrain"/>) and the checker (<see cref="AuditVerifier"/>).</summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of a chain's first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.General);

    /// <summary>One chain per UTC day of the entry's timestamp.</summary>
    public static string Of(DateTimeOffset timestamp) => timestamp.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The UTC day a chain covers: [start, start + 1 day).</summary>
    public static DateTimeOffset Start(string chain) =>
        new(DateTime.ParseExact(chain, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);

    public static bool IsChainId(string? text) =>
        DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>The entry with its link: next sequence number after <paramref name="head"/>, chained to its last hash.</summary>
    public static AuditEntry Seal(AuditEntry entry, AuditChainHead head)
    {
        var unsealed = entry with { Seal = null };
        return unsealed with { Seal = new AuditSeal(head.Chain, head.Count, head.LastHash, Hash(unsealed, head.Chain, head.Count, head.LastHash)) };
    }

    /// <summary>The head after <paramref name="entry"/> (which must be sealed).</summary>
    public static AuditChainHead Advance(AuditChainHead head, AuditEntry entry) =>
        head with { Count = entry.Seal!.Sequence + 1, LastHash = entry.Seal.Hash };

    /// <summary>What the entry's hash must be, recomputed from its content and its seal's position.</summary>
    public static string Recompute(AuditEntry sealedEntry) =>
        Hash(sealedEntry with { Seal = null }, sealedEntry.Seal!.Chain, sealedEntry.Seal.Sequence, sealedEntry.Seal.PreviousHash);

    // Canonical form: System.Text.Json of the record without its seal (properties in declaration order, numbers in
    // shortest round-trip form), preceded by the chain, the sequence and the previous hash, one per line.
    private static string Hash(AuditEntry unsealed, string chain, long sequence, string previousHash)
    {
        var text = $"{chain}\n{sequence.ToString(CultureInfo.InvariantCulture)}\n{previousHash}\n{JsonSerializer.Serialize(unsealed, Canonical)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

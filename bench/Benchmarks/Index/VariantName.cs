using Cloud.Unum.USearch;

namespace AccessGrid.Benchmarks.Index;

/// <summary>Parses names like `ip`, `cos-i8-rr8`, `ip-m16-efc100-s2`: metric (cos|ip|l2), storage (f32|f16|bf16|i8),
/// m&lt;connectivity&gt;, efc&lt;expansion on add&gt;, rr&lt;candidates re-ranked exactly&gt;, s&lt;shards&gt;.</summary>
public static class VariantName
{
    public static HnswVariant Parse(string name, int connectivity = 32, int expansionAdd = 200)
    {
        var metric = MetricKind.Ip;
        var scalar = ScalarKind.Float32;
        int shards = 1, rerank = 0;
        foreach (var token in name.ToLowerInvariant().Split('-'))
        {
            switch (token)
            {
                case "cos": metric = MetricKind.Cos; break;
                case "ip": metric = MetricKind.Ip; break;
                case "l2": metric = MetricKind.L2sq; break;
                case "f32": scalar = ScalarKind.Float32; break;
                case "f16": scalar = ScalarKind.Float16; break;
                case "bf16": scalar = ScalarKind.BFloat16; break;
                case "i8": scalar = ScalarKind.Int8; break;
                case var t when t.StartsWith("efc") && int.TryParse(t[3..], out var e): expansionAdd = e; break;
                case var t when t.StartsWith("rr") && int.TryParse(t[2..], out var k): rerank = k; break;
                case var t when t.StartsWith('m') && int.TryParse(t[1..], out var m): connectivity = m; break;
                case var t when t.StartsWith('s') && int.TryParse(t[1..], out var s): shards = s; break;
                default: throw new ArgumentException($"Unknown token '{token}' in variant '{name}'.");
            }
        }
        if (shards < 1 || rerank < 0 || connectivity < 2 || expansionAdd < 1)
            throw new ArgumentException($"Variant '{name}' has an out-of-range number.");
        return new HnswVariant(name, new HnswSettings(metric, scalar, connectivity, expansionAdd), shards, rerank);
    }
}

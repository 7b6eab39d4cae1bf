using System.Text.Json;
using System.Text.Json.Serialization;

namespace AccessGrid.Benchmarks.Index;

/// <summary>One point of a recall/speed curve. The Python peers write the same JSON fields, so one report reads both.
/// Latency is given twice: wall clock, and process CPU time (honest when other work shares the two cores).</summary>
public sealed record SweepResult(
    [property: JsonPropertyName("engine")] string Engine,
    [property: JsonPropertyName("variant")] string Variant,
    [property: JsonPropertyName("dataset")] string Dataset,
    [property: JsonPropertyName("n")] int Count,
    [property: JsonPropertyName("threads")] int Threads,
    [property: JsonPropertyName("build_s")] double BuildSeconds,
    [property: JsonPropertyName("memory_mb")] double MemoryMegabytes,
    [property: JsonPropertyName("ef")] int Ef,
    [property: JsonPropertyName("recall1")] double RecallAt1,
    [property: JsonPropertyName("us_per_query")] double MicrosecondsPerQuery,
    [property: JsonPropertyName("cpu_us_per_query")] double CpuMicrosecondsPerQuery)
{
    [JsonPropertyName("qps")] public double QueriesPerSecond => 1e6 / MicrosecondsPerQuery;

    /// <summary>Process CPU seconds spent building (wall seconds overstate it when the cores are shared).</summary>
    [JsonPropertyName("build_cpu_s")] public double BuildCpuSeconds { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this);

    public override string ToString() =>
        $"{Engine,-9} {Variant,-34} n={Count,-8} ef={Ef,-4} recall@1={RecallAt1:F4} {MicrosecondsPerQuery,8:F1} µs/q (cpu {CpuMicrosecondsPerQuery,7:F1}) {QueriesPerSecond,8:F0} q/s  build {BuildSeconds:F1} s (cpu {BuildCpuSeconds:F1})  {MemoryMegabytes:F0} MB";
}

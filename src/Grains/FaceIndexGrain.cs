using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace AccessGrid.Grains;

/// <summary>The face index for callers outside the grains (the gateway's admin endpoints, tools): local on every silo,
/// and always over the configured <see cref="AccessGridOptions.IndexShards"/>.</summary>
[StatelessWorker, Reentrant]
public sealed class FaceIndexGrain(IOptions<AccessGridOptions> options) : Grain, IFaceIndexGrain
{
    private FaceIndex Index => new(GrainFactory, options.Value.IndexShards);

    public async ValueTask<IndexSearchResult> Search(float[] query, int k) => await Index.Search(query, k);

    public async ValueTask<IndexShardStats[]> GetStats() => await Index.GetStats();

    public async ValueTask<IndexShardStats[]> Rebuild() => await Index.Rebuild();
}

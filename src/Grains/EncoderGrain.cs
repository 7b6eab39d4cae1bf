using Orleans.Concurrency;

namespace AccessGrid.Grains;

/// <summary>The vision pipeline as a local, stateless grain. Reentrant so that concurrent frames all reach the
/// encoder service at once and get batched there.</summary>
[StatelessWorker, Reentrant]
public sealed class EncoderGrain(IFaceEncoder encoder) : Grain, IEncoderGrain
{
    public async ValueTask<EncodedFrame> Encode(byte[] image) => await encoder.Encode(image ?? []);
}

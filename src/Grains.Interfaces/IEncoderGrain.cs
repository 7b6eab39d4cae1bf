namespace AccessGrid.Grains;

/// <summary>Runs the vision pipeline on a silo (stateless worker, local). Concurrent frames are batched into one
/// encoder run.</summary>
[Alias("AccessGrid.IEncoderGrain")]
public interface IEncoderGrain : IGrainWithIntegerKey
{
    /// <summary>Decodes, detects, aligns and encodes every face in the image. Bad images come back as a problem, never an exception.</summary>
    ValueTask<EncodedFrame> Encode(byte[] image);
}

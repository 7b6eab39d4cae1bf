namespace AccessGrid.Grains;

/// <summary>Turns an encoded image into faces and encodings. One per silo; thread-safe.</summary>
public interface IFaceEncoder
{
    Task<EncodedFrame> Encode(byte[] image, CancellationToken cancellationToken = default);
}

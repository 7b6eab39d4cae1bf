using AccessGrid.Gateway.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AccessGrid.Gateway.Images;

/// <summary>Recognises JPEG, PNG and WebP by their first bytes, so a body that is plainly not a picture is refused
/// with a 4xx before it costs a decode or leaves a trace in the audit log.</summary>
public static class ImageSignature
{
    public static bool IsSupported(ReadOnlySpan<byte> data) =>
        data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
        || data.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])
        || (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8));

    public static ProblemHttpResult NotAnImage() =>
        ApiProblem.Create(StatusCodes.Status400BadRequest, "not_an_image", "The body is not a JPEG, PNG or WebP image.");
}

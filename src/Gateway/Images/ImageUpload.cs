using System.Reflection;
using AccessGrid.Gateway.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace AccessGrid.Gateway.Images;

/// <summary>An image request body: JPEG, PNG or WebP by content type and by its first bytes, at most 10 MB. The one
/// image check of a request: bound before the handler runs, so a wrong content type, an oversize body or a body that
/// is plainly not a picture is refused with a 4xx before it costs a decode or leaves a trace in the audit log.</summary>
public sealed record ImageUpload(byte[] Bytes, string ContentType) : IEndpointParameterMetadataProvider
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static readonly string[] ContentTypes = ["image/jpeg", "image/png", "image/webp"];

    public static async ValueTask<ImageUpload?> BindAsync(HttpContext context)
    {
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !ContentTypes.Contains(type.MediaType.Value, StringComparer.OrdinalIgnoreCase))
            throw new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                $"Send the image as {string.Join(", ", ContentTypes)} (got '{request.ContentType ?? "none"}').");
        if (request.ContentLength > MaxBytes) throw TooLarge();

        // Content-Length may be absent (chunked) or lie: count while reading.
        using var buffer = new MemoryStream(request.ContentLength is > 0 and var n ? (int)n : 64 * 1024);
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes) throw TooLarge();
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "empty_image", "The request body is empty.");
        var bytes = buffer.ToArray();
        if (!HasImageSignature(bytes))
            throw new ApiProblemException(StatusCodes.Status400BadRequest, "not_an_image", "The body is not a JPEG, PNG or WebP image.");
        return new ImageUpload(bytes, type.MediaType.Value!.ToLowerInvariant());
    }

    /// <summary>Describes the body in the OpenAPI document.</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new AcceptsMetadata(ContentTypes, typeof(byte[])));

    /// <summary>JPEG, PNG or WebP by their magic bytes.</summary>
    internal static bool HasImageSignature(ReadOnlySpan<byte> data) =>
        data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
        || data.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])
        || (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8));

    internal static ApiProblemException TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, "image_too_large", $"Images are limited to {MaxBytes / (1024 * 1024)} MB.");
}

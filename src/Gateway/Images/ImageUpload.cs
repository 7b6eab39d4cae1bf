using System.Reflection;
using AccessGrid.Gateway.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace AccessGrid.Gateway.Images;

/// <summary>An image request body: JPEG, PNG or WebP, at most 10 MB. Bound before the handler runs, so a wrong
/// content type or an oversize body is refused before anything reaches a grain.</summary>
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
        return new ImageUpload(buffer.ToArray(), type.MediaType.Value!.ToLowerInvariant());
    }

    /// <summary>Describes the body in the OpenAPI document.</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new AcceptsMetadata(ContentTypes, typeof(byte[])));

    private static ApiProblemException TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, "image_too_large", $"Images are limited to {MaxBytes / (1024 * 1024)} MB.");
}

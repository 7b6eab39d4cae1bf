using System.Globalization;
using System.Reflection;
using AccessGrid.Gateway.Problems;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace AccessGrid.Gateway.Images;

/// <summary>The frames a reader posts to a door: one image body (a burst of one, checked by <see cref="ImageUpload"/>)
/// or <c>multipart/form-data</c> with 1–<see cref="MaxFrames"/> parts named <c>frame</c> (JPEG, PNG or WebP, capture
/// order) and an optional field <c>frameIntervalMs</c>, at most 10 MB of frames in all. Like <see cref="ImageUpload"/>
/// the one HTTP check of a burst: a malformed burst is a 4xx before any frame is analysed or audited.</summary>
public sealed record FrameBurst(byte[][] Frames, int? FrameIntervalMs) : IEndpointParameterMetadataProvider
{
    public const int MaxFrames = 60;
    public const string FramePart = "frame";
    public const string IntervalField = "frameIntervalMs";
    public const string MultipartType = "multipart/form-data";

    public static async ValueTask<FrameBurst?> BindAsync(HttpContext context)
    {
        var request = context.Request;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !string.Equals(type.MediaType.Value, MultipartType, StringComparison.OrdinalIgnoreCase))
            return await ImageUpload.BindAsync(context) is { } image ? new FrameBurst([image.Bytes], null) : null;
        if (request.ContentLength > ImageUpload.MaxBytes + 1024 * 1024) throw ImageUpload.TooLarge();
        var boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value;
        if (string.IsNullOrEmpty(boundary)) throw Bad("malformed_burst", "The multipart body has no boundary.");

        var frames = new List<byte[]>();
        int? interval = null;
        long total = 0;
        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(context.RequestAborted) is { } section)
            {
                var name = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    ? HeaderUtilities.RemoveQuotes(disposition.Name).Value : null;
                if (name == IntervalField)
                {
                    interval = ParseInterval(await new StreamReader(section.Body).ReadToEndAsync(context.RequestAborted));
                    continue;
                }
                if (name != FramePart)
                    throw Bad("unknown_part", $"Part '{name ?? "(unnamed)"}' is not allowed: send parts named '{FramePart}' (and optionally '{IntervalField}').");
                if (frames.Count == MaxFrames) throw Bad("too_many_frames", $"A burst has at most {MaxFrames} frames.");
                var bytes = await ReadPart(section, ImageUpload.MaxBytes - total, context.RequestAborted);
                total += bytes.Length;
                CheckFrame(frames.Count, section.ContentType, bytes);
                frames.Add(bytes);
            }
        }
        catch (IOException e) when (e is not BadHttpRequestException && !context.RequestAborted.IsCancellationRequested)
        {
            throw Bad("malformed_burst", $"The multipart body could not be read: {e.Message}");
        }
        catch (InvalidDataException e)
        {
            throw Bad("malformed_burst", $"The multipart body could not be read: {e.Message}");
        }
        if (frames.Count == 0) throw Bad("no_frames", $"A burst needs at least one part named '{FramePart}'.");
        return new FrameBurst([.. frames], interval);
    }

    /// <summary>Describes the body in the OpenAPI document: an image, or a multipart burst.</summary>
    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder) =>
        builder.Metadata.Add(new AcceptsMetadata([.. ImageUpload.ContentTypes, MultipartType], typeof(byte[])));

    private static void CheckFrame(int index, string? contentType, byte[] bytes)
    {
        if (contentType is not null && (!MediaTypeHeaderValue.TryParse(contentType, out var partType)
                                        || !ImageUpload.ContentTypes.Contains(partType.MediaType.Value, StringComparer.OrdinalIgnoreCase)))
            throw new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, "unsupported_media_type",
                $"Frame {index} is '{contentType}': frames must be {string.Join(", ", ImageUpload.ContentTypes)}.");
        if (bytes.Length == 0) throw Bad("empty_image", $"Frame {index} is empty.");
        if (!ImageUpload.HasImageSignature(bytes)) throw Bad("not_an_image", $"Frame {index} is not a JPEG, PNG or WebP image.");
    }

    private static async Task<byte[]> ReadPart(MultipartSection section, long budget, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await section.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > budget) throw ImageUpload.TooLarge();
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static int ParseInterval(string text) =>
        int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && ms is >= 1 and <= 1000
            ? ms
            : throw Bad("invalid_frame_interval", $"{IntervalField} must be a whole number of milliseconds from 1 to 1000 (got '{text}').");

    private static ApiProblemException Bad(string reason, string detail) => new(StatusCodes.Status400BadRequest, reason, detail);
}

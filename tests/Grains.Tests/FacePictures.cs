using AccessGrid.TestSupport;
using AccessGrid.Vision;
using SkiaSharp;

namespace AccessGrid.Grains.Tests;

/// <summary>Real face pictures cut from the face-api demo photos: one JPEG per person (each a different person,
/// since they come from group photos), a second, different picture of the same person, and pictures that must fail
/// the gates.</summary>
public static class FacePictures
{
    private static readonly Lazy<IReadOnlyList<Person>> People = new(Cut);

    /// <summary>A person with an enrollment picture and a different probe picture of the same face.</summary>
    public sealed record Person(string Source, byte[] Enrollment, byte[] Probe);

    public static Person Get(int index) => People.Value[index];

    public static int Count => People.Value.Count;

    /// <summary>A whole demo photo with several people in it.</summary>
    public static byte[] Group() => File.ReadAllBytes(RepoPaths.SampleImage(1));

    /// <summary>A plain grey picture: decodes fine, has no face.</summary>
    public static byte[] Blank() => Encode(new SKBitmap(320, 240), c => c.Clear(new SKColor(128, 128, 128)));

    /// <summary>A person's enrollment picture heavily blurred.</summary>
    public static byte[] Blurred(int index, float sigma)
    {
        using var source = SKImage.FromEncodedData(Get(index).Enrollment);
        using var paint = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(sigma, sigma) };
        return Encode(new SKBitmap(source.Width, source.Height), c => c.DrawImage(source, 0, 0, Sampling, paint));
    }

    /// <summary>A person's enrollment picture shrunk so the face is only a few tens of pixels wide.</summary>
    public static byte[] Shrunk(int index, int width)
    {
        using var source = SKBitmap.Decode(Get(index).Enrollment);
        var height = source.Height * width / source.Width;
        using var small = source.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKFilterMode.Linear));
        // Put it on a larger canvas so the detector sees it at its normal scale.
        using var smallImage = SKImage.FromBitmap(small);
        return Encode(new SKBitmap(width * 4, height * 4), c => { c.Clear(SKColors.Gray); c.DrawImage(smallImage, width * 1.5f, height * 1.5f, Sampling); });
    }

    private static IReadOnlyList<Person> Cut()
    {
        using var pipeline = FacePipeline.Load();
        var people = new List<Person>();
        foreach (var n in new[] { 1, 3, 4, 5, 6 })
        {
            var bytes = File.ReadAllBytes(RepoPaths.SampleImage(n));
            using var photo = SKImage.FromEncodedData(bytes);
            var analysis = pipeline.Analyze(bytes);
            foreach (var face in analysis.Faces)
            {
                if (Math.Abs(face.Quality.YawDegrees) > 40) continue; // keep enrollment-grade faces only
                // Neighbours may intrude into a crop: keep crops that hold exactly this one face. The probe is another
                // framing, mirrored and compressed harder: a different picture of the same face.
                byte[]? SingleFace(float margin, bool mirror, int quality)
                {
                    var crop = Crop(photo, face.Box, margin, mirror, quality);
                    return pipeline.Analyze(crop).Faces.Count == 1 ? crop : null;
                }
                float[] margins = [0.5f, 0.3f, 0.7f];
                var enrollMargin = margins.FirstOrDefault(m => SingleFace(m, false, 92) is not null, -1);
                if (enrollMargin < 0) continue;
                var probe = margins.Where(m => m != enrollMargin).Select(m => SingleFace(m, true, 75)).FirstOrDefault(c => c is not null);
                if (probe is not null)
                    people.Add(new Person($"sample{n} face at ({face.Box.X:0},{face.Box.Y:0})", SingleFace(enrollMargin, false, 92)!, probe));
            }
        }
        return people;
    }

    private static byte[] Crop(SKImage photo, FaceBox box, float margin, bool mirror, int quality)
    {
        var side = Math.Max(box.Width, box.Height) * (1 + 2 * margin);
        var left = (int)Math.Max(0, box.CenterX - side / 2);
        var top = (int)Math.Max(0, box.CenterY - side / 2);
        var right = (int)Math.Min(photo.Width, box.CenterX + side / 2);
        var bottom = (int)Math.Min(photo.Height, box.CenterY + side / 2);
        var area = new SKRectI(left, top, right, bottom);
        return Encode(new SKBitmap(area.Width, area.Height), c =>
        {
            if (mirror) { c.Translate(area.Width, 0); c.Scale(-1, 1); }
            c.DrawImage(photo, area, new SKRect(0, 0, area.Width, area.Height), Sampling);
        }, quality);
    }

    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear);

    private static byte[] Encode(SKBitmap bitmap, Action<SKCanvas> draw, int quality = 90)
    {
        using (bitmap)
        {
            using (var canvas = new SKCanvas(bitmap)) draw(canvas);
            using var image = SKImage.FromBitmap(bitmap);
            using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
            return data.ToArray();
        }
    }
}

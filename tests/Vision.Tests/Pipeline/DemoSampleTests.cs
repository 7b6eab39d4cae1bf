using SkiaSharp;

namespace AccessGrid.Vision.Tests.Pipeline;

/// <summary>The face-api package's demo photos (1920 px, several people): faces found, landmarks in place,
/// encodings stable under re-encoding, rescaling, mirroring and EXIF rotation, and apart between people.</summary>
[Collection(PipelineCollection.Name)]
public sealed class DemoSampleTests(PipelineFixture fixture)
{
    /// <summary>Same face in a changed copy of the picture (normalised encodings; different people here are ≥ 0.36 apart).</summary>
    private const float SameFace = 0.12f;

    [Theory]
    [InlineData(1, 3)]
    [InlineData(2, 1)]
    [InlineData(3, 3)]
    [InlineData(4, 3)]
    [InlineData(5, 5)]
    [InlineData(6, 5)]
    public void Finds_the_faces_with_landmarks_on_them(int sample, int observed)
    {
        var analysis = fixture.Sample(sample);

        Assert.True(analysis.Succeeded, analysis.Problem?.Message);
        Assert.Equal(1920, analysis.Width);
        Assert.InRange(analysis.Faces.Count, Math.Max(1, observed - 1), observed + 1);
        foreach (var face in analysis.Faces)
        {
            Assert.InRange(face.Score, 0.5f, 1f);
            Assert.True(face.Box.X >= 0 && face.Box.Y >= 0 && face.Box.X + face.Box.Width <= analysis.Width + 0.01f
                        && face.Box.Y + face.Box.Height <= analysis.Height + 0.01f, $"box {face.Box} leaves the image");
            Assert.Equal(68, face.Landmarks.Length);
            Assert.All(face.Landmarks, p =>
            {
                Assert.InRange(p.X, face.Box.X - 0.25f * face.Box.Width, face.Box.X + 1.25f * face.Box.Width);
                Assert.InRange(p.Y, face.Box.Y - 0.25f * face.Box.Height, face.Box.Y + 1.25f * face.Box.Height);
            });
            Assert.Equal(128, face.Embedding.Length);
            Assert.Equal(1f, MathF.Sqrt(face.Embedding.Sum(v => v * v)), 4);
            Assert.InRange(face.Quality.SizePx, 100, 400);
            Assert.InRange(face.Quality.Brightness, 0.05f, 0.95f);
            Assert.True(face.Quality.Sharpness > 0);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Different_people_in_one_photo_are_far_apart(int sample)
    {
        var faces = fixture.Sample(sample).Faces;
        for (int i = 0; i < faces.Count; i++)
            for (int j = i + 1; j < faces.Count; j++)
                Assert.True(FaceDistance.Euclidean(faces[i].Embedding, faces[j].Embedding) > 0.3f, $"faces {i} and {j}");
    }

    [Fact]
    public void Half_size_png_gives_the_same_encodings()
    {
        var image = TestImages.Decode(PipelineFixture.SampleBytes(3));
        var half = fixture.Pipeline.Analyze(TestImages.Encode(TestImages.Resize(image, image.Width / 2, image.Height / 2), SKEncodedImageFormat.Png));
        AssertSameFaces(fixture.Sample(3), half, scale: 0.5f);
    }

    [Fact]
    public void Mirrored_photo_gives_the_same_encodings()
    {
        var image = TestImages.Decode(PipelineFixture.SampleBytes(3));
        var mirrored = fixture.Pipeline.Analyze(TestImages.Encode(TestImages.MirrorHorizontally(image), SKEncodedImageFormat.Jpeg));
        var original = fixture.Sample(3);
        foreach (var face in original.Faces)
            Assert.True(Nearest(mirrored, face) < SameFace + 0.05f, $"face at {face.Box}: {Nearest(mirrored, face)}");
    }

    [Fact]
    public void Exif_rotated_copy_gives_the_same_faces_upright()
    {
        var image = TestImages.Decode(PipelineFixture.SampleBytes(3));
        var stored = TestImages.Encode(TestImages.RotateCounterClockwise(image), SKEncodedImageFormat.Jpeg);
        var tagged = fixture.Pipeline.Analyze(TestImages.WithExifOrientation(stored, 6));

        Assert.Equal((image.Width, image.Height), (tagged.Width, tagged.Height));
        AssertSameFaces(fixture.Sample(3), tagged, scale: 1);
    }

    [Fact]
    public void Grey_and_transparent_versions_still_work()
    {
        var image = TestImages.Decode(PipelineFixture.SampleBytes(2));
        var primary = fixture.Sample(2).Primary!;

        var grey = fixture.Pipeline.Analyze(TestImages.GreyJpeg(image));
        Assert.True(grey.Succeeded, grey.Problem?.Message);
        Assert.True(Nearest(grey, primary) < 0.25f, $"grey: {Nearest(grey, primary)}");

        using var translucent = TestImages.ToBitmap(image, alpha: 255);
        // Clear the top band (where there is no face): those pixels must turn black, not break decoding.
        for (int y = 0; y < 100; y++)
            for (int x = 0; x < image.Width; x++)
                translucent.SetPixel(x, y, SKColors.Transparent);
        var alpha = fixture.Pipeline.Analyze(TestImages.Encode(translucent, SKEncodedImageFormat.Png));
        Assert.True(alpha.Succeeded, alpha.Problem?.Message);
        Assert.True(Nearest(alpha, primary) < SameFace, $"alpha: {Nearest(alpha, primary)}");
    }

    [Fact]
    public void Webp_and_bmp_crops_give_the_same_face()
    {
        var crop = TestImages.Crop(TestImages.Decode(PipelineFixture.SampleBytes(2)), 1221, 65, 640, 480);
        var png = fixture.Pipeline.Analyze(TestImages.Encode(crop, SKEncodedImageFormat.Png));
        var webp = fixture.Pipeline.Analyze(TestImages.Encode(crop, SKEncodedImageFormat.Webp, 95));
        var bmp = fixture.Pipeline.Analyze(TestImages.Bmp(crop));

        Assert.Single(png.Faces);
        Assert.Equal(png.Primary!.Embedding, bmp.Primary!.Embedding); // both lossless: identical pixels
        Assert.True(Nearest(webp, png.Primary) < SameFace);
        Assert.True(Nearest(png, fixture.Sample(2).Primary!) < SameFace);
    }

    [Fact]
    public void Concurrent_calls_give_identical_results()
    {
        var images = Enumerable.Range(1, 6).Select(PipelineFixture.SampleBytes).ToArray();
        var sequential = images.Select(b => fixture.Pipeline.Analyze(b)).ToArray();
        var parallel = new FaceAnalysis[24];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 },
            i => parallel[i] = fixture.Pipeline.Analyze(images[i % images.Length]));

        for (int i = 0; i < parallel.Length; i++)
        {
            var expected = sequential[i % images.Length];
            Assert.Equal(expected.Faces.Count, parallel[i].Faces.Count);
            for (int f = 0; f < expected.Faces.Count; f++)
            {
                Assert.Equal(expected.Faces[f].Box, parallel[i].Faces[f].Box);
                Assert.Equal(expected.Faces[f].Embedding, parallel[i].Faces[f].Embedding);
            }
        }
    }

    [Fact]
    public void AnalyzeMany_batches_to_the_same_encodings_and_fills_the_timings()
    {
        int[] samples = [2, 3, 5];
        var many = fixture.Pipeline.AnalyzeMany([.. samples.Select(PipelineFixture.SampleBytes)]);

        for (int i = 0; i < samples.Length; i++)
        {
            var single = fixture.Sample(samples[i]);
            Assert.Equal(single.Faces.Count, many[i].Faces.Count);
            for (int f = 0; f < single.Faces.Count; f++)
                Assert.True(FaceDistance.Euclidean(single.Faces[f].Embedding, many[i].Faces[f].Embedding) < 1e-3f);
            var t = many[i].Timings;
            Assert.True(t.Decode > 0 && t.Detect > 0 && t.Landmarks > 0 && t.Align > 0 && t.Encode > 0, t.ToString());
        }
    }

    [Fact]
    public void Primary_face_follows_the_configured_rule()
    {
        var faces = fixture.Sample(5).Faces;
        float largest = faces.Max(f => f.Box.Area);
        Assert.True(faces[0].Box.Area >= 0.9f * largest);

        using var byScore = FacePipeline.Load(options: new PipelineOptions { PrimaryFace = PrimaryFaceRule.HighestScore });
        var scored = byScore.Analyze(PipelineFixture.SampleBytes(5)).Faces;
        Assert.Equal(scored.Max(f => f.Score), scored[0].Score);
    }

    private static float Nearest(FaceAnalysis analysis, Face face) =>
        analysis.Faces.Count == 0 ? float.PositiveInfinity : analysis.Faces.Min(f => FaceDistance.Euclidean(f.Embedding, face.Embedding));

    /// <summary>Every original face has a counterpart at the scaled position with a close encoding.</summary>
    private static void AssertSameFaces(FaceAnalysis original, FaceAnalysis changed, float scale)
    {
        Assert.Equal(original.Faces.Count, changed.Faces.Count);
        foreach (var face in original.Faces)
        {
            var expectedBox = new FaceBox(face.Box.X * scale, face.Box.Y * scale, face.Box.Width * scale, face.Box.Height * scale);
            var match = changed.Faces.MaxBy(f => NonMaxSuppression.IoU(f.Box, expectedBox))!;
            Assert.True(NonMaxSuppression.IoU(match.Box, expectedBox) > 0.7f, $"{match.Box} vs {expectedBox}");
            Assert.True(FaceDistance.Euclidean(match.Embedding, face.Embedding) < SameFace,
                $"face at {face.Box}: {FaceDistance.Euclidean(match.Embedding, face.Embedding)}");
        }
    }
}

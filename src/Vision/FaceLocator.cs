namespace AccessGrid.Vision;

/// <summary>Runs the detector in passes until one yields a face of usable size: the configured size, then the
/// rescue size (tightly framed faces are often found only at 320), then — for camera frames and larger — the
/// distant-face size (a person far from the door is too small for 320 and 416), then — for small images — the first
/// two again on the image padded to 3× with replicated edges (the seed office's 96×96 crops are found only that way).
/// Large images (group photos) try the larger of the first two sizes first. Passes stop at the first face found, so
/// the distant-face pass costs only frames in which the others found none.</summary>
public sealed class FaceLocator(TinyFaceDetector detector, PipelineOptions options)
{
    public DetectionPass Locate(RgbImage image)
    {
        bool sawSmall = false;
        foreach (var (frame, offsetX, offsetY, size) in Passes(image))
        {
            var pass = new DetectionPass(frame, offsetX, offsetY, [], false);
            var accepted = new List<Detection>();
            foreach (var d in detector.Detect(frame, size, options.MinDetectionScore, options.NmsIouThreshold))
            {
                var box = pass.ToOriginal(d.Box, image.Width, image.Height);
                if (box.Width <= 0 || box.Height <= 0) continue; // found only in the replicated margin
                if (MathF.Min(box.Width, box.Height) < options.MinFaceSize) sawSmall = true;
                else accepted.Add(d);
            }
            if (accepted.Count > 0) return pass with { Faces = accepted };
        }
        return new DetectionPass(image, 0, 0, [], sawSmall);
    }

    private IEnumerable<(RgbImage Frame, int OffsetX, int OffsetY, int Size)> Passes(RgbImage image)
    {
        int[] sizes = options.RescueDetectorSize > 0 && options.RescueDetectorSize != options.DetectorSize
            ? [options.DetectorSize, options.RescueDetectorSize]
            : [options.DetectorSize];
        if (options.LargeImageMinSide > 0 && Math.Max(image.Width, image.Height) >= options.LargeImageMinSide)
            sizes = [.. sizes.OrderDescending()];
        foreach (var size in sizes) yield return (image, 0, 0, size);
        if (options.DistantFaceDetectorSize > 0 && !sizes.Contains(options.DistantFaceDetectorSize)
            && Math.Max(image.Width, image.Height) >= options.DistantFaceMinSide)
            yield return (image, 0, 0, options.DistantFaceDetectorSize);

        if (Math.Max(image.Width, image.Height) >= options.TightCropMaxSide) yield break;
        var padded = image.PadReplicated(image.Width, image.Height);
        foreach (var size in sizes) yield return (padded, image.Width, image.Height, size);
    }
}

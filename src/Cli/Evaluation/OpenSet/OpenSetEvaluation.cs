using AccessGrid.Cli.Infrastructure;
using AccessGrid.Vision;

namespace AccessGrid.Cli.Evaluation.OpenSet;

/// <summary>The open-set protocol over encoded people: split, score at the door's thresholds, sweep gallery sizes and
/// thresholds. Encoding is the caller's (see <see cref="OpenSetEncodings"/>), so tests can feed synthetic encodings.</summary>
public static class OpenSetEvaluation
{
    public static OpenSetReport Evaluate(IReadOnlyList<PersonPhotos> people, OpenSetSettings settings, DecisionThresholds thresholds,
        string variant, string imagesDirectory, double msPerImage)
    {
        var gallery = OpenSetGallery.Split(people, settings);
        if (gallery.GalleryPeople == 0)
            throw new CliException($"no person has more than {settings.Enroll} photo(s) with a face: nothing to enroll");
        if (gallery.Impostors.Count == 0)
            throw new CliException($"every person has more than {settings.Enroll} photo(s): no never-enrolled impostors are left");
        var size = settings.GallerySize ?? gallery.GalleryPeople;
        if (size > gallery.Identities.Count)
            throw new CliException($"--gallery-size {size} is more than the {gallery.Identities.Count} identities available " +
                $"({gallery.GalleryPeople} gallery people + {gallery.Distractors} distractors)");

        var metrics = new OpenSetMetrics(gallery, thresholds, settings.ScoreNormCohort);
        var sizes = new[] { 0, 0.25, 0.5, 1 }.Select(f => gallery.GalleryPeople + (int)(f * gallery.Distractors))
            .Append(size).Distinct().Order().ToArray();
        var bySize = sizes.Select(s => metrics.Measure(s)).ToArray();
        var door = bySize.Single(p => p.GallerySize == size);
        return new OpenSetReport
        {
            Variant = variant,
            ImagesDirectory = Path.GetFullPath(imagesDirectory),
            Settings = settings,
            Thresholds = thresholds,
            People = people.Count,
            Images = people.Sum(p => p.Count),
            ImagesWithoutFace = people.Sum(p => p.Encodings.Count(e => e is null)),
            GalleryPeople = gallery.GalleryPeople,
            Distractors = gallery.Distractors,
            ImpostorPeople = gallery.ImpostorPeople,
            UnenrollablePeople = gallery.UnenrollablePeople,
            Door = door,
            WrongPersonGrants = metrics.WrongPersonGrants(size, door.Threshold),
            BySize = bySize,
            DoorHeldOut = metrics.Measure(size, half: ProbeHalf.HeldOut),
            HeldOutCalibrated = metrics.HeldOut(size),
            Det = metrics.Det(size),
            MsPerImage = msPerImage,
            GeneratedAt = DateTimeOffset.UtcNow,
        };
    }
}

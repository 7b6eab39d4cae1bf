using AccessGrid.Cli.Evaluation.OpenSet;
using AccessGrid.Cli.Infrastructure;
using AccessGrid.Vision;

namespace AccessGrid.Cli.Tests.Evaluation;

/// <summary>The open-set protocol on synthetic encodings: each person is a random direction, their photos small
/// perturbations of it, so every expected outcome is known.</summary>
public sealed class OpenSetEvaluationTests
{
    private static readonly DecisionThresholds Door = new();
    private readonly Random _random = new(7);

    private float[] Direction()
    {
        var v = Enumerable.Range(0, 128).Select(_ => (float)(_random.NextDouble() * 2 - 1)).ToArray();
        return EncodingMean.Of([v]);
    }

    /// <summary>A photo of the person at <paramref name="center"/>, about <paramref name="spread"/> away from it.</summary>
    private float[] Photo(float[] center, float spread = 0.05f)
    {
        var noise = Direction();
        return EncodingMean.Of([center.Zip(noise, (c, n) => c + spread * n).ToArray()]);
    }

    private PersonPhotos Person(string name, int photos, float[]? center = null)
    {
        center ??= Direction();
        return new PersonPhotos(name, Enumerable.Range(0, photos).Select(_ => (float[]?)Photo(center)).ToArray());
    }

    private static OpenSetReport Evaluate(IReadOnlyList<PersonPhotos> people, OpenSetSettings settings) =>
        OpenSetEvaluation.Evaluate(people, settings, Door, "test", ".", 0);

    [Fact]
    public void Distinct_people_are_all_found_and_strangers_all_refused()
    {
        var people = Enumerable.Range(0, 20).Select(i => Person($"g{i:D2}", 3))
            .Concat(Enumerable.Range(0, 30).Select(i => Person($"s{i:D2}", 1))).ToArray();

        var report = Evaluate(people, new OpenSetSettings(Enroll: 1, Impostors: 10));

        Assert.Equal(20, report.GalleryPeople);
        Assert.Equal(10, report.ImpostorPeople);
        Assert.Equal(20, report.Distractors);
        Assert.Equal(40, report.Door.GenuineProbes);
        Assert.Equal(10, report.Door.ImpostorProbes);
        Assert.Equal(0, report.Door.Fnir);
        Assert.Equal(0, report.Door.Fpir);
        Assert.Equal(1, report.Door.Rank1Rate);
        Assert.Equal(Door.IdentifyThreshold(20), report.Door.Threshold);
        // The sweep grows the gallery with the distractors, and the threshold tightens as the door's would.
        Assert.Equal([20, 25, 30, 40], report.BySize.Select(p => p.GallerySize));
        Assert.Equal(Door.IdentifyThreshold(40), report.BySize[^1].Threshold);
    }

    [Fact]
    public void A_genuine_probe_nearer_another_person_is_a_wrong_person_grant_and_a_copied_face_a_false_accept()
    {
        var alice = Direction();
        var bob = Direction();
        var stranger = Person("zz_stranger", 1, bob); // a never-enrolled look-alike of bob
        var people = new[]
        {
            // alice's second photo is bob's face: the door grants it to bob.
            new PersonPhotos("alice", [Photo(alice), Photo(bob, 0.01f)]),
            Person("bob", 2, bob),
            Person("carol", 2),
            stranger,
        };

        var report = Evaluate(people, new OpenSetSettings(Enroll: 1));

        Assert.Equal(3, report.Door.GenuineProbes);
        Assert.Equal(1, report.Door.WrongPerson);
        Assert.Equal(2, report.Door.Correct);
        Assert.Equal(1.0 / 3, report.Door.Fnir, 6);
        Assert.Equal(1, report.Door.FalseAccepts);
        Assert.Equal(1, report.Door.Fpir);
    }

    [Fact]
    public void Two_enrolled_people_equally_near_are_refused_by_the_runner_up_margin()
    {
        var twin = Direction();
        var people = new[] { Person("a_twin", 2, twin), Person("b_twin", 2, twin), Person("z_stranger", 1) };

        var report = Evaluate(people, new OpenSetSettings(Enroll: 1));

        Assert.Equal(0, report.Door.Correct + report.Door.WrongPerson);
        // Without the margin the nearest twin wins at a loose threshold: the DET's no-margin curve shows it.
        var loose = report.Det.Last();
        Assert.True(loose.FnirNoMargin < 1);
        Assert.Equal(1, loose.Fnir);
    }

    [Fact]
    public void Probes_without_a_face_are_misses_and_a_person_with_no_enrollable_photo_is_left_out()
    {
        var people = new[]
        {
            new PersonPhotos("faceless", [null, Photo(Direction())]),
            new PersonPhotos("partly", [Photo(Direction()), null]),
            Person("whole", 2),
            Person("z_stranger", 1),
        };

        var report = Evaluate(people, new OpenSetSettings(Enroll: 1));

        Assert.Equal(1, report.UnenrollablePeople);
        Assert.Equal(2, report.Door.GenuineProbes);
        Assert.Equal(1, report.Door.GenuineWithoutFace);
        Assert.Equal(0.5, report.Door.Fnir);
    }

    [Fact]
    public void Aggregation_adds_the_mean_template_beside_the_individual_ones()
    {
        var people = new[] { Person("a", 4), Person("z", 1) };

        var gallery = OpenSetGallery.Split(people, new OpenSetSettings(Enroll: 3, Aggregate: true));

        Assert.Equal(4, gallery.Identities[0].Templates.Count);
        Assert.Equal(1f, MathF.Sqrt(gallery.Identities[0].Templates[3].Sum(v => v * v)), 4);
    }

    [Fact]
    public void Jittered_enrollment_encodings_become_the_templates_and_probes_stay_plain()
    {
        var person = Person("a", 2);
        var enrolled = new[] { Photo(Direction()), null };
        var gallery = OpenSetGallery.Split([person with { Enrolled = enrolled }, Person("z", 1)], new OpenSetSettings(Enroll: 1));

        Assert.Same(enrolled[0], Assert.Single(gallery.Identities[0].Templates));
        Assert.Same(person.Encodings[1], Assert.Single(gallery.Genuine).Encoding);
    }

    [Fact]
    public void Score_normalisation_loosens_isolated_people_and_tightens_crowded_ones()
    {
        var crowd = Direction();
        var identities = new[]
        {
            new EnrolledIdentity("c1", [Photo(crowd, 0.2f)]), new EnrolledIdentity("c2", [Photo(crowd, 0.2f)]),
            new EnrolledIdentity("c3", [Photo(crowd, 0.2f)]), new EnrolledIdentity("alone", [Direction()]),
        };

        var offsets = new NeighbourhoodOffsets(identities, cohort: 1).For(4);

        Assert.True(offsets[3] > 0, $"isolated: {offsets[3]}");
        Assert.True(offsets.Take(3).All(o => o <= 0), string.Join(", ", offsets));
        Assert.Equal(0, new NeighbourhoodOffsets(identities, cohort: 1).For(1)[0]); // alone in a gallery of one: no neighbours
    }

    [Fact]
    public void A_turned_probe_is_answered_low_quality_when_the_probe_yaw_gate_is_on()
    {
        var front = new FaceQuality(100, 50, 0.5f, 0, 5);
        var turned = front with { YawDegrees = -50 };
        var center = Direction();
        var people = new[]
        {
            new PersonPhotos("a", [Photo(center), Photo(center), Photo(center)], [front, turned, front]),
            Person("z", 1),
        };

        var open = Evaluate(people, new OpenSetSettings(Enroll: 1));
        var gated = Evaluate(people, new OpenSetSettings(Enroll: 1, MaxProbeYaw: 45));

        Assert.Equal(0, open.Door.Fnir);
        Assert.Equal(1, gated.Door.GenuineWithoutFace);
        Assert.Equal(0.5, gated.Door.Fnir);
    }

    [Fact]
    public void A_gallery_size_below_the_gallery_keeps_the_first_people_and_above_the_identities_is_refused()
    {
        var people = Enumerable.Range(0, 10).Select(i => Person($"g{i}", 2)).Append(Person("z", 1)).ToArray();

        var small = Evaluate(people, new OpenSetSettings(Enroll: 1, GallerySize: 4));

        Assert.Equal(4, small.Door.GallerySize);
        Assert.Equal(4, small.Door.GenuineProbes);
        var error = Assert.Throws<CliException>(() => Evaluate(people, new OpenSetSettings(Enroll: 1, GallerySize: 11)));
        Assert.Contains("--gallery-size 11", error.Message);
    }

    [Fact]
    public void No_gallery_or_no_impostor_is_a_clear_error()
    {
        Assert.Contains("nothing to enroll", Assert.Throws<CliException>(() => Evaluate([Person("a", 1)], new OpenSetSettings(1))).Message);
        Assert.Contains("no never-enrolled", Assert.Throws<CliException>(() => Evaluate([Person("a", 2)], new OpenSetSettings(1))).Message);
    }
}

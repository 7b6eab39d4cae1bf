using AccessGrid.Vision;

namespace AccessGrid.Cli.Evaluation.OpenSet;

/// <summary>Who is enrolled and who probes: the split of an LFW-layout dataset that the open-set protocol defines.</summary>
/// <param name="Identities">Enrolled identities in order: the gallery people first, then the distractors, so that a
/// gallery of size S is the first S identities.</param>
/// <param name="GalleryPeople">How many of <see cref="Identities"/> are gallery people (their other photos are probed).</param>
/// <param name="Genuine">Probes of gallery people: the identity index they belong to, the photo's 1-based number and
/// the encoding (null: no face).</param>
/// <param name="Impostors">Probes of never-enrolled people: the encoding and which impostor person (0-based) it shows.</param>
/// <param name="ImpostorPeople">How many never-enrolled people the impostor probes come from.</param>
/// <param name="UnenrollablePeople">Gallery candidates left out because none of their enrollment photos gave a face.</param>
public sealed record OpenSetGallery(
    IReadOnlyList<EnrolledIdentity> Identities,
    int GalleryPeople,
    IReadOnlyList<(int Identity, int Photo, float[]? Encoding)> Genuine,
    IReadOnlyList<(int Person, float[]? Encoding)> Impostors,
    int ImpostorPeople,
    int UnenrollablePeople)
{
    public int Distractors => Identities.Count - GalleryPeople;

    /// <summary>Gallery = people with more than <see cref="OpenSetSettings.Enroll"/> photos, their first photos enrolled and
    /// the others probed; the never-enrolled people are shuffled once (fixed seed) into impostors and distractors
    /// (distractors enroll their first photos too and are never probed).</summary>
    public static OpenSetGallery Split(IReadOnlyList<PersonPhotos> people, OpenSetSettings settings)
    {
        var identities = new List<EnrolledIdentity>();
        var genuine = new List<(int, int, float[]?)>();
        var unenrollable = 0;
        foreach (var person in people.Where(p => p.Count > settings.Enroll).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var templates = Templates(person, settings);
            if (templates.Count == 0) { unenrollable++; continue; }
            identities.Add(new EnrolledIdentity(person.Name, templates));
            genuine.AddRange(Enumerable.Range(settings.Enroll, person.Count - settings.Enroll).Select(i => (identities.Count - 1, i + 1, person.Probe(i, settings.MaxProbeYaw))));
        }
        var galleryPeople = identities.Count;

        var others = people.Where(p => p.Count <= settings.Enroll).OrderBy(p => p.Name, StringComparer.Ordinal).ToArray();
        new Random(OpenSetSettings.Seed).Shuffle(others);
        var impostorPeople = others.Take(settings.Impostors).ToArray();
        foreach (var distractor in others.Skip(settings.Impostors))
        {
            var templates = Templates(distractor, settings);
            if (templates.Count > 0) identities.Add(new EnrolledIdentity(distractor.Name, templates));
        }
        return new OpenSetGallery(identities, galleryPeople, genuine, impostorPeople.SelectMany((p, i) => Enumerable.Range(0, p.Count).Select(j => (i, p.Probe(j, settings.MaxProbeYaw)))).ToArray(),
            impostorPeople.Length, unenrollable);
    }

    // What enrollment would store: the first photos that gave a face, and (as a lever) their mean beside them.
    private static List<float[]> Templates(PersonPhotos person, OpenSetSettings settings)
    {
        var templates = (person.Enrolled ?? person.Encodings).Take(settings.Enroll).OfType<float[]>().ToList();
        if (settings.Aggregate && templates.Count > 1) templates.Add(EncodingMean.Of(templates));
        return templates;
    }
}

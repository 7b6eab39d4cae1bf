namespace AccessGrid.Ops.Load;

/// <summary>The frames of a load run, from a folder laid out as &lt;person&gt;/&lt;image&gt;.jpg (lfw-dev's images/):
/// people with two or more images are enrolled with the first and present the others; people with one image are the
/// unknown visitors; no-face frames are generated. With a <c>cameraFrame</c> size, every presented photo is placed in
/// a frame of that size (<see cref="CameraFrame"/>), as a door camera would send it. Everything is read once, before
/// the clock starts.</summary>
public sealed class FrameLibrary
{
    private FrameLibrary(IReadOnlyList<(string StaffId, string Name, byte[] Jpeg)> enrollments, IReadOnlyList<LoadFrame> frames)
    {
        Enrollments = enrollments;
        Frames = frames.GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => (IReadOnlyList<LoadFrame>)g.ToList());
    }

    public IReadOnlyList<(string StaffId, string Name, byte[] Jpeg)> Enrollments { get; }
    public IReadOnlyDictionary<FrameKind, IReadOnlyList<LoadFrame>> Frames { get; }

    public static FrameLibrary Load(string folder, int people, int unknownPeople, (int Width, int Height)? cameraFrame = null)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Image folder '{folder}' does not exist (expected <person>/<image>.jpg).");
        var persons = Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal)
            .Select(d => (Name: Path.GetFileName(d), Images: Directory.EnumerateFiles(d, "*.jpg").Order(StringComparer.Ordinal).ToList()))
            .Where(p => p.Images.Count > 0).ToList();
        var enrolled = persons.Where(p => p.Images.Count >= 2).Take(people).ToList();
        var unknown = persons.Where(p => p.Images.Count == 1).Take(unknownPeople).ToList();
        if (enrolled.Count == 0 || unknown.Count == 0)
            throw new InvalidDataException($"'{folder}' needs people with two or more images (enrolled) and people with one (unknown).");

        var enrollments = enrolled.Select(p => (StaffId: StaffIdOf(p.Name), p.Name, File.ReadAllBytes(p.Images[0]))).ToList();
        var (width, height) = cameraFrame ?? (640, 480);
        int variant = 0;
        byte[] Presented(string file)
        {
            var photo = File.ReadAllBytes(file);
            return cameraFrame is null ? photo : CameraFrame.Around(photo, width, height, variant++);
        }
        var frames = new List<LoadFrame>();
        frames.AddRange(enrolled.SelectMany(p => p.Images.Skip(1).Take(4).Select(i => new LoadFrame(FrameKind.Enrolled, Presented(i), StaffIdOf(p.Name)))));
        frames.AddRange(unknown.Select(p => new LoadFrame(FrameKind.Unknown, Presented(p.Images[0]), null)));
        frames.AddRange(Enumerable.Range(0, 8).Select(i => new LoadFrame(FrameKind.NoFace, CameraFrame.Empty(width, height, i), null)));
        return new FrameLibrary(enrollments, frames);
    }

    /// <summary>Lowercase id the API accepts, prefixed so load staff never collide with real staff.</summary>
    public static string StaffIdOf(string personName) =>
        "load-" + new string(personName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
}
